package org.tracker.core.waiver;

/** Where a waiver stands: provided by law but not invoked, in effect, lapsed, or withdrawn. */
public enum WaiverStatus {
    AVAILABLE,
    IN_EFFECT,
    EXPIRED,
    REVOKED
}
