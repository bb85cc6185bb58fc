package org.tracker.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tracker.api.projection.MeasureQuery;
import org.tracker.api.projection.MeasureTable;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.Provenance;
import org.tracker.core.projection.MeasureRow;

/** What dashboards read: the current status of measures from the projection, and a measure's full history. */
@RestController
@RequestMapping("/api/measures")
@Tag(name = "measures", description = "Read the current status of measures and their history; open to all")
class MeasureController {

    private final MeasureTable measures;
    private final EventStore eventStore;

    MeasureController(MeasureTable measures, EventStore eventStore) {
        this.measures = measures;
        this.eventStore = eventStore;
    }

    @GetMapping
    @Operation(summary = "List measures, filtered by kind, status, chamber, Congress and words of the title")
    List<MeasureView> list(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String chamber,
            @RequestParam(required = false) Integer congress,
            @RequestParam(required = false, name = "q") String text,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidRequest("'page' starts at 0 and 'size' is between 1 and 500.");
        }
        return measures
                .search(new MeasureQuery(upper(kind), status, upper(chamber), congress, text, page, size))
                .stream()
                .map(MeasureView::of)
                .toList();
    }

    @GetMapping("/{measureId}")
    @Operation(summary = "The current status of one measure")
    MeasureView one(@PathVariable String measureId) {
        return measures.find(measureId).map(MeasureView::of).orElseThrow(() -> new UnknownMeasure(measureId));
    }

    @GetMapping("/{measureId}/history")
    @Operation(summary = "Every event of a measure in order, with when it happened, when it was learned and from where")
    List<HistoryEntry> history(@PathVariable String measureId) {
        List<HistoryEntry> entries = eventStore
                .readEvents(measureId)
                .asStream()
                .map(HistoryEntry::of)
                .toList();
        if (entries.isEmpty()) {
            throw new UnknownMeasure(measureId);
        }
        return entries;
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
            String type,
            Instant effectiveAt,
            Instant recordedAt,
            String source,
            String submittedBy,
            Object fact) {

        static HistoryEntry of(DomainEventMessage<?> message) {
            Provenance provenance = ((MeasureEvent) message.getPayload()).provenance();
            return new HistoryEntry(
                    message.getSequenceNumber(),
                    message.getPayloadType().getSimpleName(),
                    provenance.effectiveAt(),
                    provenance.recordedAt(),
                    provenance.source(),
                    provenance.submittedBy(),
                    message.getPayload());
        }
    }
}
