package org.tracker.imports.congressgov;

import java.time.Instant;
import java.util.Optional;
import org.tracker.core.api.BillId;

/**
 * What the poller must remember between polls, and across restarts: where its last complete window ended, and a hash
 * of each bill's content as last handed on. The tracker keeps them in its database; tests keep them in memory.
 */
public interface PollerState {

    /** The end of the last window polled to the end, or empty before the first poll. */
    Optional<Instant> windowEnd();

    void recordWindowEnd(Instant end);

    /** The hash of the bill's content when it was last handed on, or empty if it never was. */
    Optional<String> contentHash(BillId bill);

    void recordContentHash(BillId bill, String hash);
}
