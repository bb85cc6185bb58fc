package org.tracker.api.measures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.tracker.api.web.InvalidRequest;
import org.tracker.api.web.UnknownMeasure;
import org.tracker.core.api.FactCalendar;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.MeasureIds;
import org.tracker.core.api.Provenance;
import org.tracker.core.measure.AsOf;
import org.tracker.core.measure.MeasureRow;

/** What dashboards read: the current status of measures from the projection, and a measure's full history. */
@RestController
@RequestMapping("/api/measures")
@Tag(
        name = "measures",
        description = "Read the current status of measures and their history; open to all, but the list as of a"
                + " past moment is for auditors")
class MeasureController {

    /** The header that gives how many measures match a list's filters, on every page of it. */
    static final String TOTAL_COUNT = "X-Total-Count";

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
    @Operation(
            summary = "List measures, filtered by kind, status, chamber, Congress and words, an id or a citation",
            description = "A page of at most 'limit' measures in the order 'sort' names. The X-Total-Count header"
                    + " gives how many match in all; while more remain, a Link header with rel=\"next\" gives the"
                    + " URL of the next page. With asOf or effectiveOn the list is folded from the event store as it"
                    + " stood then, which needs an auditor's token.")
    @PreAuthorize("(#asOf == null && #effectiveOn == null) || hasRole('AUDITOR')")
    ResponseEntity<List<MeasureView>> list(
            @Parameter(
                            description = "only measures of this kind",
                            schema =
                                    @Schema(allowableValues = {"BILL", "VOTE", "ARMS_SALE", "WAIVER", "MOU", "REPORT"}))
                    @RequestParam(required = false)
                    String kind,
            @Parameter(
                            description =
                                    "only measures in this status, as the list spells it (REFERRED, PASS_OVER:HOUSE,"
                                            + " UNDER_REVIEW, ...)")
                    @RequestParam(required = false)
                    String status,
            @Parameter(
                            description = "only measures of this chamber",
                            schema = @Schema(allowableValues = {"HOUSE", "SENATE"}))
                    @RequestParam(required = false)
                    String chamber,
            @Parameter(
                            description = "only measures of this Congress",
                            schema = @Schema(type = "integer", minimum = "1"))
                    @RequestParam(required = false)
                    String congress,
            @Parameter(
                            description = "words of the title, a measure id, or a bill's citation: H.R. 1229, HR1229,"
                                    + " S.J.Res. 111, or a number alone (every bill or resolution of that number)")
                    @RequestParam(required = false, name = "q")
                    String text,
            @Parameter(
                            description = "changed: most recently changed first (the default); deadline: the next"
                                    + " deadline soonest first; citation: bills by type, number and Congress, then"
                                    + " the other measures by id",
                            schema = @Schema(allowableValues = {"changed", "deadline", "citation"}))
                    @RequestParam(required = false)
                    String sort,
            @Parameter(
                            description = "at most this many measures in the page",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"))
                    @RequestParam(required = false)
                    String limit,
            @Parameter(hidden = true) @RequestParam(required = false) String size,
            @Parameter(hidden = true) @RequestParam(required = false) String page,
            @Parameter(description = "where the previous page ended, as its next link gives it")
                    @RequestParam(required = false)
                    String cursor,
            @Parameter(
                            description = "as the tracker knew it at this instant (auditors)",
                            schema = @Schema(format = "date-time"))
                    @RequestParam(required = false)
                    String asOf,
            @Parameter(
                            description = "as it stood at the end of this day in Washington (auditors)",
                            schema = @Schema(format = "date"))
                    @RequestParam(required = false)
                    String effectiveOn) {
        FactCalendar calendar = FactCalendar.at(clock.instant());
        MeasureQuery query = MeasureListParameters.read(
                calendar, kind, status, chamber, congress, text, sort, limit, size, page, cursor);
        AsOf moment = moment(asOf, effectiveOn);
        MeasureListPage found;
        if (moment == null) {
            found = measures.search(query);
        } else if (query.text() != null) {
            throw new InvalidRequest("'q' cannot be combined with 'asOf' or 'effectiveOn': a past state is folded from"
                    + " the event store, which has no word index; filter by kind, status, chamber or congress.");
        } else {
            found = MeasureListPage.within(this.asOf.all(moment), query);
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(found.total()));
        if (found.next() != null) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("kind", query.kind());
            parameters.put("status", query.status());
            parameters.put("chamber", query.chamber());
            parameters.put("congress", query.congress());
            parameters.put("q", query.text());
            parameters.put("sort", query.sort().parameter());
            parameters.put("limit", query.limit());
            parameters.put("asOf", asOf);
            parameters.put("effectiveOn", effectiveOn);
            parameters.put("cursor", MeasureListParameters.cursor(query.sort(), found.next()));
            parameters.values().removeIf(Objects::isNull);
            UriComponentsBuilder next = UriComponentsBuilder.fromPath("/api/measures");
            parameters.keySet().forEach(name -> next.queryParam(name, "{" + name + "}"));
            answer.header(
                    HttpHeaders.LINK,
                    "<" + next.encode().buildAndExpand(parameters).toUriString() + ">; rel=\"next\"");
        }
        return answer.body(found.rows().stream().map(MeasureView::of).toList());
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
