package org.tracker.imports.congressgov;

import java.time.Instant;
import java.util.List;
import org.tracker.core.api.BillId;

/**
 * What one poll did.
 *
 * @param listed how many bills the list named in the window, each counted once
 * @param changed the bills handed on, their content new or changed
 * @param unchanged how many bills were listed (their update date moved) with the content already handed on
 * @param unreadable a line for each bill whose responses could not be read, naming it and why; it is asked again once
 *     its update date moves
 * @param windowAdvanced false when the list changed while it was paged through, which can hide a bill between pages:
 *     the next poll then goes over the same window again
 */
public record PollSummary(
        Instant windowStart,
        Instant windowEnd,
        int listed,
        List<BillId> changed,
        int unchanged,
        List<String> unreadable,
        boolean windowAdvanced) {

    public PollSummary {
        changed = List.copyOf(changed);
        unreadable = List.copyOf(unreadable);
    }
}
