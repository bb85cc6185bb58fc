package org.tracker.core.api;

/** Where a proposed arms sale stands: notified to Congress, within its review window or past it. */
public enum ArmsSaleStatus implements MeasureStatus {
    UNDER_REVIEW;

    @Override
    public MeasureKind kind() {
        return MeasureKind.ARMS_SALE;
    }
}
