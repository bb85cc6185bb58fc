package org.tracker.core.api;

import java.time.LocalDate;
import java.time.LocalTime;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordBillAction(@TargetAggregateIdentifier String billId, BillAction action, Provenance provenance)
        implements FactCommand {

    /** The action's own checks stay in {@link BillAction}, which events carry too; the bounds are the command's. */
    public RecordBillAction {
        BillId.parse(billId);
        Require.present(action, "'action' is required");
        Require.text(action.text(), "action.text", FactLimits.ACTION_TEXT);
        Require.text(action.type(), "action.type", FactLimits.ACTION_TYPE);
        Require.text(action.actionCode(), "action.actionCode", FactLimits.ACTION_CODE);
        Require.atMost(action.committees(), FactLimits.COMMITTEES_PER_ACTION, "action.committees");
        for (int i = 0; i < action.committees().size(); i++) {
            Require.text(action.committees().get(i), "action.committees[" + i + "]", FactLimits.COMMITTEE_NAME);
        }
        RecordedVoteRef vote = action.recordedVote();
        if (vote != null) {
            Require.present(vote.chamber(), "'action.recordedVote.chamber' is required");
            Require.between(vote.session(), 1, FactLimits.MAX_SESSION, "action.recordedVote.session");
            Require.between(vote.rollNumber(), 1, FactLimits.MAX_ROLL_NUMBER, "action.recordedVote.rollNumber");
        }
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.happened(action.date(), "action.date");
        RecordedVoteRef vote = action.recordedVote();
        if (vote != null) {
            calendar.congress(vote.congress(), "action.recordedVote.congress");
            calendar.happened(vote.date(), "action.recordedVote.date");
        }
    }

    @Override
    public String targetMeasureId() {
        return billId;
    }

    @Override
    public LocalDate factDate() {
        return action.date();
    }

    @Override
    public LocalTime factTime() {
        return action.time();
    }
}
