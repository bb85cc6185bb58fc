package org.tracker.api.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tracker.api.web.Problems;
import org.tracker.api.web.UnknownMeasure;
import org.tracker.audit.chain.ChainReport;
import org.tracker.audit.chain.ChainWalkStream;
import org.tracker.audit.export.ExportWriter;
import org.tracker.core.api.FactCalendar;

/**
 * What auditors ask of the tamper-evident chain (ADR 8): a walk of the whole store naming the first event altered,
 * removed or inserted behind the tracker's back, the ledger digest to write down elsewhere, and exports that can be
 * verified offline. Walks and exports are written to the response as they go, on the request's thread, so that one
 * over millions of events neither waits in memory nor runs into an asynchronous request's time limit.
 */
@RestController
@Tag(
        name = "audit",
        description = "Verify the event store's chain and export verifiable records; auditors and operators")
class ChainController {

    private final ChainVerifier verifier;
    private final ChainExporter exporter;
    private final ObjectMapper json;
    private final Clock clock;

    ChainController(ChainVerifier verifier, ChainExporter exporter, ObjectMapper json, Clock clock) {
        this.verifier = verifier;
        this.exporter = exporter;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/api/admin/chain")
    @Operation(summary = "Walk every event's link and name the first event altered, removed or inserted by hand")
    ChainReport walk() {
        return verifier.walk((events, percent) -> {});
    }

    /** The same walk, with a progress line every so many events before the report, for ./tracker verify. */
    @GetMapping(value = "/api/admin/chain", produces = ChainWalkStream.MEDIA_TYPE)
    void walkWithProgress(HttpServletResponse response) throws IOException {
        response.setContentType(ChainWalkStream.MEDIA_TYPE);
        OutputStream out = response.getOutputStream();
        progress(out, 0, 0);
        ChainReport report = verifier.walk((events, percent) -> {
            try {
                progress(out, events, percent);
            } catch (IOException e) {
                throw new UncheckedIOException("the client stopped reading the walk", e);
            }
        });
        line(out, Map.of(ChainWalkStream.REPORT, report));
    }

    private void progress(OutputStream out, long events, int percent) throws IOException {
        line(
                out,
                Map.of(
                        ChainWalkStream.PROGRESS,
                        Map.of(ChainWalkStream.EVENTS_CHECKED, events, ChainWalkStream.PERCENT, percent)));
    }

    private void line(OutputStream out, Object value) throws IOException {
        out.write(json.writeValueAsBytes(value));
        out.write('\n');
        out.flush();
    }

    @GetMapping("/api/admin/chain/digest")
    @Operation(summary = "The ledger digest over every measure's newest event, to write down somewhere else")
    ChainVerifier.Ledger digest() {
        return verifier.ledger();
    }

    @GetMapping(value = "/api/admin/export", produces = ExportWriter.MEDIA_TYPE)
    @Operation(
            summary = "Every event of a measure (?measure=), or recorded in a time range (?from=&to=, ISO-8601), as"
                    + " JSON Lines with their links; ./tracker verify FILE checks it offline")
    void export(
            @RequestParam(required = false) String measure,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletResponse response)
            throws IOException {
        if ((measure == null) == (from == null && to == null)) {
            throw invalid("Ask for one measure (?measure=hr1229-119) or for a time range (?from=...&to=...), not both"
                    + " and not neither.");
        }
        if (measure != null) {
            if (!exporter.knows(measure)) {
                throw new UnknownMeasure(measure);
            }
            start(response, measure);
            exporter.exportMeasure(measure, buffered(response));
            return;
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!start.isBefore(end)) {
            throw invalid("'from' must be before 'to'.");
        }
        start(response, "recorded-" + start + "-" + end);
        exporter.exportRecorded(start, end, buffered(response));
    }

    private static void start(HttpServletResponse response, String name) {
        response.setContentType(ExportWriter.MEDIA_TYPE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".jsonl\"");
    }

    private static OutputStream buffered(HttpServletResponse response) throws IOException {
        return new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
    }

    private Instant instant(String name, String value) {
        if (value == null) {
            throw invalid("A time range needs both 'from' and 'to'.");
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid("'" + name + "' is not an ISO-8601 instant such as 2025-02-12T00:00:00Z: " + value);
        }
        try {
            FactCalendar.at(clock.instant()).moment(instant, name);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        return instant;
    }

    private static ErrorResponseException invalid(String detail) {
        return new ErrorResponseException(
                HttpStatus.BAD_REQUEST,
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid", detail),
                null);
    }
}
