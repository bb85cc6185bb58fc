package org.tracker.core.api;

/** The kinds of measure the tracker follows; dashboards and subscriptions filter by them. */
public enum MeasureKind {
    BILL,
    VOTE,
    ARMS_SALE,
    WAIVER,
    MOU,
    REPORT
}
