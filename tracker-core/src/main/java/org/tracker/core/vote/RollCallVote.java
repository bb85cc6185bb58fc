package org.tracker.core.vote;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.tracker.core.api.MemberVote;
import org.tracker.core.api.RecordRollCallVote;
import org.tracker.core.api.Require;
import org.tracker.core.api.RollCallVoteCorrected;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.api.VoteId;
import org.tracker.core.api.VotePosition;
import org.tracker.core.api.VoteTotals;
import org.tracker.core.status.VoteOutcome;

/**
 * A roll call. Recording the same roll call again changes nothing; recording it with other totals, result or
 * positions is a correction by the chamber and is recorded as one.
 */
public class RollCallVote {

    @AggregateIdentifier
    private String voteId;

    private String result;
    private VoteTotals totals;
    private List<MemberVote> positions;

    protected RollCallVote() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordRollCallVote command) {
        Require.present(command.chamber(), "a vote is taken in a chamber");
        VoteId.requireMatches(
                command.voteId(), command.chamber(), command.congress(), command.session(), command.rollNumber());
        Require.present(command.date(), "a vote has a date");
        Require.present(command.category(), "a vote has a category");
        Require.present(command.totals(), "a vote has totals");
        if (command.question() == null || command.question().isBlank()) {
            throw new IllegalArgumentException("a vote has a question");
        }
        List<MemberVote> given = command.positions() == null ? List.of() : List.copyOf(command.positions());
        requirePositionsAddUp(command.totals(), given);
        boolean passed = VoteOutcome.carried(command.result());

        if (voteId == null) {
            apply(new RollCallVoteRecorded(
                    command.voteId(),
                    command.chamber(),
                    command.congress(),
                    command.session(),
                    command.rollNumber(),
                    command.date(),
                    command.time(),
                    command.question().strip(),
                    command.category(),
                    command.result().strip(),
                    passed,
                    command.totals(),
                    given,
                    command.measureId(),
                    command.provenance()));
        } else if (!command.result().strip().equals(result)
                || !command.totals().equals(totals)
                || !given.equals(positions)) {
            apply(new RollCallVoteCorrected(
                    voteId, command.result().strip(), passed, command.totals(), given, command.provenance()));
        }
    }

    private static void requirePositionsAddUp(VoteTotals totals, List<MemberVote> positions) {
        if (positions.isEmpty()) {
            return;
        }
        Map<VotePosition, Integer> counted = new EnumMap<>(VotePosition.class);
        for (MemberVote vote : positions) {
            counted.merge(vote.position(), 1, Integer::sum);
        }
        VoteTotals fromPositions = new VoteTotals(
                counted.getOrDefault(VotePosition.YEA, 0),
                counted.getOrDefault(VotePosition.NAY, 0),
                counted.getOrDefault(VotePosition.PRESENT, 0),
                counted.getOrDefault(VotePosition.NOT_VOTING, 0));
        if (!fromPositions.equals(totals)) {
            throw new IllegalArgumentException("the members' positions add up to " + fromPositions.yea() + " yea, "
                    + fromPositions.nay() + " nay, " + fromPositions.present() + " present, "
                    + fromPositions.notVoting() + " not voting, but the totals say " + totals.yea() + ", "
                    + totals.nay() + ", " + totals.present() + ", " + totals.notVoting());
        }
    }

    @EventSourcingHandler
    void on(RollCallVoteRecorded event) {
        voteId = event.voteId();
        result = event.result();
        totals = event.totals();
        positions = event.positions();
    }

    @EventSourcingHandler
    void on(RollCallVoteCorrected event) {
        result = event.result();
        totals = event.totals();
        positions = event.positions();
    }
}
