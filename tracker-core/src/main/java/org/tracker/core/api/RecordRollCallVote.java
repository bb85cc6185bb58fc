package org.tracker.core.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
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
        Provenance provenance) {}
