package org.tracker.core.api;

/** The categories of aid an MoU commits. */
public enum FundingCategory {
    /** Foreign Military Financing. */
    FMF,
    /** Cooperative missile defense (Iron Dome, David's Sling, Arrow). */
    MISSILE_DEFENSE
}
