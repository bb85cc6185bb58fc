package org.tracker.core.api;

/** What a roll call decided: the question carried or failed, as its result text says. */
public enum VoteStatus implements MeasureStatus {
    CARRIED,
    FAILED;

    public static VoteStatus of(boolean passed) {
        return passed ? CARRIED : FAILED;
    }

    @Override
    public MeasureKind kind() {
        return MeasureKind.VOTE;
    }
}
