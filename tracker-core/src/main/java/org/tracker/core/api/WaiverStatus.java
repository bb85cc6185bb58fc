package org.tracker.core.api;

/** Where a waiver stands: provided by law but not invoked, in effect, lapsed, or withdrawn. */
public enum WaiverStatus implements MeasureStatus {
    AVAILABLE,
    IN_EFFECT,
    EXPIRED,
    REVOKED;

    @Override
    public MeasureKind kind() {
        return MeasureKind.WAIVER;
    }
}
