package org.tracker.core.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The chamber corrected a roll call it had published: new totals, result or positions replace the old. */
@Revision("1")
public record RollCallVoteCorrected(
        String voteId,
        String result,
        boolean passed,
        VoteTotals totals,
        List<MemberVote> positions,
        Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return voteId;
    }
}
