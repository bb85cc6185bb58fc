package org.tracker.core.api;

public enum Chamber {
    HOUSE,
    SENATE
}
