package org.tracker.core.api;

import java.time.LocalDate;

/** A pointer from an action to the roll call it was decided by. */
public record RecordedVoteRef(Chamber chamber, int congress, int session, int rollNumber, LocalDate date) {

    /** The id of the roll-call vote measure this points to. */
    public String voteId() {
        return VoteId.of(chamber, congress, session, rollNumber);
    }
}
