package org.tracker.notify.rule;

public enum Cadence {
    REALTIME,
    DAILY,
    WEEKLY
}
