package org.tracker.audit.export;

/**
 * Where a measure's events start and end in an export, so that events cut from either end are named.
 *
 * @param lastHash hex hash of the measure's last event in the export
 * @param currentHead whether that event was the measure's newest in the store when it was exported; if so, its hash
 *     can be compared with what the tracker, or an anchor written down elsewhere, says of the measure
 */
public record ExportedMeasure(
        String measure,
        long fromGlobalIndex,
        long fromSequenceNumber,
        long toGlobalIndex,
        long toSequenceNumber,
        String lastHash,
        boolean currentHead) {}
