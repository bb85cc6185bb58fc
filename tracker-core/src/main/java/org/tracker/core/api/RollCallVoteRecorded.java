package org.tracker.core.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.axonframework.serialization.Revision;

/** @param passed whether the question carried, read from the result */
@Revision("1")
public record RollCallVoteRecorded(
        String voteId,
        Chamber chamber,
        int congress,
        int session,
        int rollNumber,
        LocalDate date,
        LocalTime time,
        String question,
        VoteCategory category,
        String result,
        boolean passed,
        VoteTotals totals,
        List<MemberVote> positions,
        String votedOn,
        Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return voteId;
    }
}
