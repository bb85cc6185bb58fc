package org.tracker.notify.rule;

import java.util.stream.Stream;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.MeasureKind;
import org.tracker.core.api.MemberVote;
import org.tracker.core.api.RollCallVoteCorrected;
import org.tracker.core.api.RollCallVoteRecorded;

/**
 * What a subscription follows: one measure, every measure of a kind, the measures a saved search finds, or a member
 * of Congress (what they sponsor or cosponsor, and how they vote). Exactly one is given.
 *
 * @param member a bioguide id; Senate roll calls name senators by their LIS id, which follows them there
 */
public record Follow(String measure, MeasureKind kind, SavedSearch search, String member) {

    public Follow {
        long given = Stream.of(measure, kind, search, member)
                .filter(value -> value != null)
                .count();
        if (given != 1) {
            throw new IllegalArgumentException(
                    "'follow' names exactly one of: measure (an id), kind, search or member (a bioguide id).");
        }
    }

    /**
     * @param event the event that made the change, or null when time passing made it
     */
    public boolean covers(MeasureState measure, MeasureEvent event) {
        if (this.measure != null) {
            return this.measure.equals(measure.row().measureId);
        }
        if (kind != null) {
            return kind.name().equals(measure.row().kind);
        }
        if (search != null) {
            return search.matches(measure.row());
        }
        return measure.members().contains(member) || votedIn(event);
    }

    private boolean votedIn(MeasureEvent event) {
        Stream<MemberVote> positions = event instanceof RollCallVoteRecorded vote
                ? vote.positions().stream()
                : event instanceof RollCallVoteCorrected corrected ? corrected.positions().stream() : Stream.empty();
        return positions.anyMatch(position -> member.equals(position.member().bioguideId()));
    }
}
