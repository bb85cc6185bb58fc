package org.tracker.core.api;

/** Where a memorandum of understanding stands: in force from its signing until its period ends. */
public enum MouStatus implements MeasureStatus {
    IN_FORCE,
    EXPIRED;

    @Override
    public MeasureKind kind() {
        return MeasureKind.MOU;
    }
}
