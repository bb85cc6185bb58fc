package org.tracker.imports.congressgov;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.tracker.core.api.BillId;

/** What the poller remembers, kept in memory: enough for tests, forgotten on a restart. */
final class InMemoryPollerState implements PollerState {

    private Instant windowEnd;
    private final Map<BillId, String> hashes = new HashMap<>();

    @Override
    public Optional<Instant> windowEnd() {
        return Optional.ofNullable(windowEnd);
    }

    @Override
    public void recordWindowEnd(Instant end) {
        windowEnd = end;
    }

    @Override
    public Optional<String> contentHash(BillId bill) {
        return Optional.ofNullable(hashes.get(bill));
    }

    @Override
    public void recordContentHash(BillId bill, String hash) {
        hashes.put(bill, hash);
    }
}
