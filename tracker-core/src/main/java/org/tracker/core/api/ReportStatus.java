package org.tracker.core.api;

/** Where a mandated report or certification stands: due, submitted, or submitted after its due date. */
public enum ReportStatus implements MeasureStatus {
    DUE,
    SUBMITTED,
    SUBMITTED_LATE;

    @Override
    public MeasureKind kind() {
        return MeasureKind.REPORT;
    }
}
