package org.tracker.notify.store;

import java.time.Instant;

/**
 * The stored event that made an alert's change, and where it sits: its measure's stream and its sequence number
 * there, which together name it for good (the tracker's global index does not reach the notifier). On alerts decided
 * before the notifier kept these, everything but the id is null.
 *
 * @param measureId the measure whose stream holds the event; for a roll call, the vote, not the measure voted on
 * @param type the event's type, as in a measure's history ({@code BillStatusChanged}, ...)
 * @param effectiveAt when the fact took effect in the world, to the microsecond
 * @param recordedAt when the tracker accepted it, to the microsecond
 */
public record Cause(
        String eventId, String measureId, Long sequence, String type, Instant effectiveAt, Instant recordedAt) {}
