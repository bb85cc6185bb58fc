package org.tracker.core.api;

/** What a roll call decided. */
public enum VoteCategory {
    PASSAGE,
    CLOTURE,
    MOTION_TO_DISCHARGE,
    VETO_OVERRIDE,
    AMENDMENT,
    PROCEDURAL
}
