package org.tracker.imports.rollcall;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tracker.core.api.BillId;
import org.tracker.core.api.Chamber;
import org.tracker.core.api.MemberVote;
import org.tracker.core.api.RecordRollCallVote;
import org.tracker.core.api.VoteCategory;
import org.tracker.core.api.VoteId;
import org.tracker.core.api.VotePosition;
import org.tracker.core.api.VoteTotals;
import org.tracker.imports.ImportedFrom;

/**
 * One roll call as a chamber publishes it.
 *
 * @param time Washington time, or null when the record gives none
 * @param question as the chamber words it, the most specific form it gives ("On the Motion to Discharge (Motion to
 *     Discharge S.J.Res.111)")
 * @param result as the chamber words it ("Motion Rejected", "Passed")
 * @param totals the chamber's own count
 * @param positions each member's position as the record lists them
 * @param measure the bill or resolution voted on, or null for a vote on none (a nomination, a quorum call)
 */
public record RollCallRecord(
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
        BillId measure) {

    public RollCallRecord {
        Objects.requireNonNull(chamber, "a roll call is taken in a chamber");
        positions = List.copyOf(positions);
    }

    public String voteId() {
        return VoteId.of(chamber, congress, session, rollNumber);
    }

    /** Whether the members listed add up to the chamber's count, as they do in every file the chambers publish. */
    public boolean positionsAccountForTotals() {
        Map<VotePosition, Integer> counted = new EnumMap<>(VotePosition.class);
        for (MemberVote vote : positions) {
            counted.merge(vote.position(), 1, Integer::sum);
        }
        return totals.equals(new VoteTotals(
                counted.getOrDefault(VotePosition.YEA, 0),
                counted.getOrDefault(VotePosition.NAY, 0),
                counted.getOrDefault(VotePosition.PRESENT, 0),
                counted.getOrDefault(VotePosition.NOT_VOTING, 0)));
    }

    /**
     * The command that records this roll call, effective when it was taken. The members' positions go with it only
     * when they account for the count: the aggregate refuses positions that contradict the totals, and the totals are
     * the chamber's own word, so a record listing only some members (an excerpt) still records its result.
     */
    public RecordRollCallVote command(ImportedFrom origin) {
        return new RecordRollCallVote(
                voteId(),
                chamber,
                congress,
                session,
                rollNumber,
                date,
                time,
                question,
                category,
                result,
                totals,
                positionsAccountForTotals() ? positions : List.of(),
                measure == null ? null : measure.toString(),
                origin.effectiveAt(date, time));
    }
}
