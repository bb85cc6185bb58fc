package org.tracker.core.api;

/** How far a year's money has moved: Congress provided it, the executive committed it, it was paid out. */
public enum FundingStage {
    APPROPRIATED,
    OBLIGATED,
    DISBURSED
}
