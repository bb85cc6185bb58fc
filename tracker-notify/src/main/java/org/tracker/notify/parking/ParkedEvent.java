package org.tracker.notify.parking;

import java.time.Instant;

/**
 * An event a consumer set aside, and what became of it.
 *
 * @param reason why it was parked: the failure it met, or the earlier parked event of its measure it waited behind
 * @param resolution null while it holds its measure back; {@code RETRIED} or {@code DISCARDED} after
 * @param resolvedBy the operator who retried or discarded it
 * @param resolutionNote a discard's reason, or what a retry did
 */
public record ParkedEvent(
        long id,
        String consumer,
        String measureId,
        long sequence,
        String eventId,
        String eventType,
        String reason,
        Instant parkedAt,
        String resolution,
        String resolvedBy,
        Instant resolvedAt,
        String resolutionNote) {

    public enum Resolution {
        RETRIED,
        DISCARDED
    }

    public boolean unresolved() {
        return resolution == null;
    }
}
