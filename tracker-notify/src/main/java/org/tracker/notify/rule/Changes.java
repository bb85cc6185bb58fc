package org.tracker.notify.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tracker.core.api.BillActionRecorded;
import org.tracker.core.api.BillStatusChanged;
import org.tracker.core.api.CongressTime;
import org.tracker.core.api.CosponsorAdded;
import org.tracker.core.api.CosponsorWithdrawn;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.MeasureKind;
import org.tracker.core.api.Member;
import org.tracker.core.api.RollCallVoteCorrected;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.api.VoteTotals;
import org.tracker.core.measure.MeasureRow;
import org.tracker.core.measure.Transition;

/** The changes one event makes, as subscribers are told them. */
public final class Changes {

    private Changes() {}

    /**
     * The changes an event makes to its own measure.
     *
     * @param transition the status change the fold saw the event make, if any
     * @param after the measure once the event is applied
     */
    public static List<Change> toOwnMeasure(
            MeasureEvent event, String eventId, Optional<Transition> transition, MeasureRow after) {
        List<Change> changes = new ArrayList<>();
        if (event instanceof BillActionRecorded recorded) {
            changes.add(change(
                    Trigger.ACTION_RECORDED,
                    event,
                    eventId,
                    "New action on " + recorded.action().date() + ": "
                            + recorded.action().text(),
                    null,
                    recorded.action().text(),
                    recorded.action().date()));
        } else if (event instanceof CosponsorAdded added) {
            changes.add(change(
                    Trigger.COSPONSOR_CHANGED,
                    event,
                    eventId,
                    describe(added.cosponsor()) + " became a cosponsor on " + added.sponsoredOn(),
                    null,
                    added.cosponsor().bioguideId(),
                    added.sponsoredOn()));
        } else if (event instanceof CosponsorWithdrawn withdrawn) {
            changes.add(change(
                    Trigger.COSPONSOR_CHANGED,
                    event,
                    eventId,
                    withdrawn.bioguideId() + " withdrew as a cosponsor on " + withdrawn.withdrawnOn(),
                    withdrawn.bioguideId(),
                    null,
                    withdrawn.withdrawnOn()));
        } else if (event instanceof RollCallVoteRecorded || event instanceof RollCallVoteCorrected) {
            changes.add(voteChange(event, eventId, after.measureId, after));
        }
        transition.filter(moved -> moved.to().kind() != MeasureKind.VOTE).ifPresent(moved -> {
            String because = event instanceof BillStatusChanged changed ? " (" + changed.becauseOf() + ")" : "";
            String from = moved.from() == null ? null : moved.from().code();
            String to = moved.to().code();
            String summary =
                    from == null ? "Status is " + to + because : "Status changed from " + from + " to " + to + because;
            changes.add(0, change(Trigger.STATUS_CHANGED, event, eventId, summary, from, to, moved.since()));
        });
        if (changes.isEmpty()) {
            changes.add(change(
                    Trigger.ANY_FACT,
                    event,
                    eventId,
                    "New fact: " + humanName(event),
                    null,
                    null,
                    effectiveDate(event)));
        }
        return changes;
    }

    /** The change a roll call makes to the measure it was on: a vote was recorded there. */
    public static Change toMeasureVotedOn(RollCallVoteRecorded vote, String eventId, MeasureRow votedOn) {
        return voteChange(vote, eventId, votedOn.measureId, null);
    }

    private static Change voteChange(MeasureEvent event, String eventId, String measureId, MeasureRow voteRow) {
        String summary;
        String result;
        LocalDate on;
        if (event instanceof RollCallVoteRecorded vote) {
            result = vote.result();
            on = vote.date();
            summary = vote.chamber() + " roll call " + vote.rollNumber() + " (" + vote.date() + ") on "
                    + (vote.votedOn() == null ? "" : vote.votedOn() + ", ") + "'" + vote.question() + "': "
                    + vote.result() + ", " + tally(vote.totals());
        } else {
            RollCallVoteCorrected corrected = (RollCallVoteCorrected) event;
            result = corrected.result();
            on = voteRow == null ? null : voteRow.latestVoteDate;
            summary = "Roll call " + corrected.voteId() + " corrected: " + corrected.result() + ", "
                    + tally(corrected.totals());
        }
        return new Change(
                Trigger.VOTE_RECORDED,
                measureId,
                summary,
                null,
                result,
                on,
                event.provenance().recordedAt(),
                event.provenance().source(),
                eventId,
                null);
    }

    private static String tally(VoteTotals totals) {
        return totals.yea() + "-" + totals.nay() + (totals.present() > 0 ? ", " + totals.present() + " present" : "")
                + (totals.notVoting() > 0 ? ", " + totals.notVoting() + " not voting" : "");
    }

    private static Change change(
            Trigger trigger, MeasureEvent event, String eventId, String summary, String from, String to, LocalDate on) {
        return new Change(
                trigger,
                event.measureId(),
                summary,
                from,
                to,
                on,
                event.provenance().recordedAt(),
                event.provenance().source(),
                eventId,
                null);
    }

    private static String describe(Member member) {
        String party = member.party() == null
                ? ""
                : " (" + member.party() + (member.state() == null ? "" : "-" + member.state()) + ")";
        return (member.name() == null ? member.bioguideId() : member.name()) + party;
    }

    private static LocalDate effectiveDate(MeasureEvent event) {
        return CongressTime.dayOf(event.provenance().effectiveAt());
    }

    /** "LawRecorded" reads as "Law recorded". */
    static String humanName(MeasureEvent event) {
        String name = event.getClass().getSimpleName();
        StringBuilder words = new StringBuilder().append(name.charAt(0));
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            words.append(Character.isUpperCase(c) ? " " + Character.toLowerCase(c) : c);
        }
        return words.toString();
    }
}
