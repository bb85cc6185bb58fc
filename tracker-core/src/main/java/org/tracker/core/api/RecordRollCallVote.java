package org.tracker.core.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param measureId the bill or resolution voted on, or null for a vote on no measure
 * @param result as the chamber words it ({@code Passed}, {@code Motion Rejected}, {@code Cloture Not Invoked})
 * @param positions each member's position; may be empty when only the totals are known
 */
public record RecordRollCallVote(
        @TargetAggregateIdentifier String voteId,
        Chamber chamber,
        int congress,
        int session,
        int rollNumber,
        LocalDate date,
        LocalTime time,
        String question,
        VoteCategory category,
        String result,
        VoteTotals totals,
        List<MemberVote> positions,
        String measureId,
        Provenance provenance)
        implements FactCommand {

    /** No chamber has more members than its seats: totals or positions beyond them cannot be a real roll call. */
    public RecordRollCallVote {
        MeasureIds.require(MeasureKind.VOTE, voteId, "voteId");
        Require.present(chamber, "'chamber' is HOUSE or SENATE");
        Require.between(session, 1, FactLimits.MAX_SESSION, "session");
        Require.between(rollNumber, 1, FactLimits.MAX_ROLL_NUMBER, "rollNumber");
        Require.text(question, "question", FactLimits.VOTE_QUESTION);
        Require.text(result, "result", FactLimits.VOTE_RESULT);
        int seats = FactLimits.seats(chamber);
        if (totals != null) {
            long counted = (long) totals.yea() + totals.nay() + totals.present() + totals.notVoting();
            if (counted > seats) {
                throw new IllegalArgumentException("'totals' count " + counted + " members; the "
                        + chamber.name().toLowerCase(Locale.ROOT) + " has " + seats + " seats");
            }
        }
        Require.atMost(positions, seats, "positions");
        if (positions != null) {
            for (int i = 0; i < positions.size(); i++) {
                Require.present(positions.get(i), "'positions[" + i + "]' is empty");
                Require.voter(positions.get(i).member(), "positions[" + i + "].member");
            }
        }
        if (measureId != null) {
            MeasureIds.require(MeasureKind.BILL, measureId, "measureId");
        }
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.congress(congress, "congress");
        calendar.happened(date, "date");
        if (measureId != null) {
            calendar.congress(BillId.parse(measureId).congress(), "measureId");
        }
    }

    @Override
    public String targetMeasureId() {
        return voteId;
    }

    @Override
    public LocalDate factDate() {
        return date;
    }

    @Override
    public LocalTime factTime() {
        return time;
    }
}
