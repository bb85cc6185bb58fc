package org.tracker.core.api;

public record VoteTotals(int yea, int nay, int present, int notVoting) {

    public VoteTotals {
        if (yea < 0 || nay < 0 || present < 0 || notVoting < 0) {
            throw new IllegalArgumentException("vote totals cannot be negative");
        }
    }

    @Override
    public String toString() {
        return yea + "-" + nay;
    }
}
