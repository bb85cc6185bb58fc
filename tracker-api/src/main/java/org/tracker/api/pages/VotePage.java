package org.tracker.api.pages;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tracker.api.measures.MeasureEvents;
import org.tracker.api.measures.MeasureTable;
import org.tracker.api.web.UnknownMeasure;
import org.tracker.core.api.MeasureCitation;
import org.tracker.core.api.MeasureIds;
import org.tracker.core.api.MeasureKind;
import org.tracker.core.api.MemberVote;
import org.tracker.core.api.Require;
import org.tracker.core.api.RollCallVoteCorrected;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.api.VotePosition;
import org.tracker.core.measure.MeasureRow;

/** A roll-call vote: question, result, totals, a breakdown by party, and every member's position as last recorded. */
@Controller
class VotePage {

    private final MeasureTable measures;
    private final MeasureEvents events;
    private final Clock clock;

    VotePage(MeasureTable measures, MeasureEvents events, Clock clock) {
        this.measures = measures;
        this.events = events;
        this.clock = clock;
    }

    /** One member's position, as the page lists it. */
    public record Position(String name, String party, String state, String bioguideId, String position) {}

    /** How one party voted. */
    public record PartyTally(String party, Map<String, Integer> counts) {}

    @GetMapping("/votes/{voteId}")
    String show(
            @PathVariable String voteId,
            @RequestParam(required = false) String member,
            @RequestParam(required = false) String party,
            @RequestParam(required = false) String position,
            Model model) {
        Require.text(member, "member", 100);
        Require.text(party, "party", 20);
        Require.text(position, "position", 20);
        MeasureIds.require(MeasureKind.VOTE, voteId, "voteId");
        MeasureRow row = measures.find(voteId).orElseThrow(() -> new UnknownMeasure(voteId));
        RollCallVoteRecorded recorded = null;
        List<MemberVote> positions = List.of();
        for (DomainEventMessage<?> event : events.ownOf(voteId)) {
            if (event.getPayload() instanceof RollCallVoteRecorded vote) {
                recorded = vote;
                positions = vote.positions();
            } else if (event.getPayload() instanceof RollCallVoteCorrected correction
                    && !correction.positions().isEmpty()) {
                positions = correction.positions();
            }
        }
        List<Position> members = positions.stream()
                .map(p -> new Position(
                        p.member().name(),
                        p.member().party(),
                        p.member().state(),
                        p.member().bioguideId(),
                        positionText(p.position())))
                .sorted(Comparator.comparing(Position::name))
                .toList();
        List<Position> shown = members.stream()
                .filter(p -> blank(member)
                        || p.name()
                                .toLowerCase(Locale.ROOT)
                                .contains(member.strip().toLowerCase(Locale.ROOT))
                        || p.bioguideId().equalsIgnoreCase(member.strip()))
                .filter(p -> blank(party) || party.strip().equalsIgnoreCase(p.party()))
                .filter(p -> blank(position) || position.strip().equalsIgnoreCase(p.position()))
                .toList();
        model.addAttribute("vote", MeasureCard.of(row, clock.instant()));
        model.addAttribute("shown", shown);
        model.addAttribute("memberFilter", member);
        model.addAttribute("partyFilter", party);
        model.addAttribute("positionFilter", position);
        model.addAttribute("recorded", recorded);
        model.addAttribute("members", members);
        model.addAttribute("parties", byParty(members));
        model.addAttribute("positionNames", List.of("Yea", "Nay", "Present", "Not Voting"));
        String measureId = recorded == null ? null : recorded.votedOn();
        model.addAttribute("measureId", measureId);
        model.addAttribute("measureCitation", measureId == null ? null : MeasureCitation.of(measureId, measureId));
        return "vote";
    }

    private static List<PartyTally> byParty(List<Position> members) {
        Map<String, Map<String, Integer>> parties = new TreeMap<>();
        for (Position member : members) {
            parties.computeIfAbsent(member.party() == null ? "?" : member.party(), p -> new TreeMap<>())
                    .merge(member.position(), 1, Integer::sum);
        }
        List<PartyTally> tallies = new ArrayList<>();
        parties.forEach((party, counts) -> tallies.add(new PartyTally(party, counts)));
        return tallies;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String positionText(VotePosition position) {
        return switch (position) {
            case YEA -> "Yea";
            case NAY -> "Nay";
            case PRESENT -> "Present";
            case NOT_VOTING -> "Not Voting";
        };
    }
}
