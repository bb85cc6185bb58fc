package org.tracker.api.measures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tracker.api.web.InvalidRequest;
import org.tracker.api.web.UnknownMeasure;
import org.tracker.core.api.FactLimits;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.MeasureIds;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.Require;
import org.tracker.core.measure.AsOf;
import org.tracker.core.measure.MeasureRow;

/** What dashboards read: the current status of measures from the projection, and a measure's full history. */
@RestController
@RequestMapping("/api/measures")
@Tag(name = "measures", description = "Read the current status of measures and their history; open to all")
class MeasureController {

    /** The order of the live list: most recently changed first. */
    private static final Comparator<MeasureRow> MOST_RECENT_FIRST = Comparator.comparing(
                    (MeasureRow row) -> row.statusSince != null ? row.statusSince : row.lastActionDate,
                    Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(row -> row.measureId);

    private final MeasureTable measures;
    private final MeasureEvents events;
    private final MeasureAsOf asOf;
    private final Clock clock;

    MeasureController(MeasureTable measures, MeasureEvents events, MeasureAsOf asOf, Clock clock) {
        this.measures = measures;
        this.events = events;
        this.asOf = asOf;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List measures, filtered by kind, status, chamber, Congress and words of the title")
    @PreAuthorize("(#asOf == null && #effectiveOn == null) || hasRole('AUDITOR')")
    List<MeasureView> list(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String chamber,
            @RequestParam(required = false) Integer congress,
            @RequestParam(required = false, name = "q") String text,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String effectiveOn) {
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidRequest("'page' starts at 0 and 'size' is between 1 and 500.");
        }
        Require.text(text, "q", FactLimits.SEARCH_TEXT);
        MeasureQuery query = new MeasureQuery(upper(kind), status, upper(chamber), congress, text, page, size);
        AsOf moment = moment(asOf, effectiveOn);
        if (moment == null) {
            return measures.search(query).stream().map(MeasureView::of).toList();
        }
        if (text != null) {
            throw new InvalidRequest("'q' cannot be combined with 'asOf' or 'effectiveOn': a past state is folded from"
                    + " the event store, which has no word index; filter by kind, status, chamber or congress.");
        }
        return this.asOf.all(moment).stream()
                .filter(row -> query.kind() == null || query.kind().equals(row.kind))
                .filter(row -> query.status() == null || query.status().equals(row.status))
                .filter(row -> query.chamber() == null || query.chamber().equals(row.chamber))
                .filter(row -> query.congress() == null || query.congress().equals(row.congress))
                .sorted(MOST_RECENT_FIRST)
                .skip((long) page * size)
                .limit(size)
                .map(MeasureView::of)
                .toList();
    }

    @GetMapping("/{measureId}")
    @Operation(
            summary = "The current status of one measure, or with asOf (an instant) as the tracker knew it then, with"
                    + " effectiveOn (a date) as it stood that day, or both")
    MeasureView one(
            @PathVariable String measureId,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String effectiveOn) {
        MeasureIds.requireCanonical(measureId, "measureId");
        AsOf moment = moment(asOf, effectiveOn);
        if (moment == null) {
            return measures.find(measureId).map(MeasureView::of).orElseThrow(() -> new UnknownMeasure(measureId));
        }
        return this.asOf
                .of(measureId, moment)
                .map(MeasureView::of)
                .orElseThrow(() -> new UnknownMeasure(measureId, moment));
    }

    @GetMapping("/{measureId}/history")
    @Operation(summary = "Every event of a measure in order, with when it happened, when it was learned and from where")
    List<HistoryEntry> history(@PathVariable String measureId) {
        MeasureIds.requireCanonical(measureId, "measureId");
        List<HistoryEntry> entries =
                events.ownOf(measureId).stream().map(HistoryEntry::of).toList();
        if (entries.isEmpty()) {
            throw new UnknownMeasure(measureId);
        }
        return entries;
    }

    private AsOf moment(String knownAt, String effectiveOn) {
        return MeasureAsOf.moment(knownAt, effectiveOn, clock.instant());
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    record LatestVote(
            String voteId,
            LocalDate date,
            String question,
            String result,
            int yea,
            int nay,
            int present,
            int notVoting) {}

    record Deadline(LocalDate date, String what) {}

    record MeasureView(
            String measureId,
            String kind,
            String title,
            String chamber,
            Integer congress,
            String status,
            LocalDate statusSince,
            LocalDate lastActionDate,
            String lastAction,
            Deadline nextDeadline,
            LatestVote latestVote,
            Map<String, Object> details,
            String source,
            Instant updatedAt) {

        static MeasureView of(MeasureRow row) {
            return new MeasureView(
                    row.measureId,
                    row.kind,
                    row.title,
                    row.chamber,
                    row.congress,
                    row.status,
                    row.statusSince,
                    row.lastActionDate,
                    row.lastActionText,
                    row.nextDeadline == null ? null : new Deadline(row.nextDeadline, row.nextDeadlineLabel),
                    row.latestVoteId == null
                            ? null
                            : new LatestVote(
                                    row.latestVoteId,
                                    row.latestVoteDate,
                                    row.latestVoteQuestion,
                                    row.latestVoteResult,
                                    row.latestVoteYea,
                                    row.latestVoteNay,
                                    row.latestVotePresent,
                                    row.latestVoteNotVoting),
                    row.details,
                    row.source,
                    row.updatedAt);
        }
    }

    record HistoryEntry(
            long sequence,
            String eventId,
            String type,
            Instant effectiveAt,
            Instant recordedAt,
            String source,
            String submittedBy,
            Instant storedAt,
            Object fact) {

        static HistoryEntry of(DomainEventMessage<?> message) {
            Provenance provenance = ((MeasureEvent) message.getPayload()).provenance();
            return new HistoryEntry(
                    message.getSequenceNumber(),
                    message.getIdentifier(),
                    message.getPayloadType().getSimpleName(),
                    provenance.effectiveAt(),
                    provenance.recordedAt(),
                    provenance.source(),
                    provenance.submittedBy(),
                    message.getTimestamp(),
                    message.getPayload());
        }
    }
}
