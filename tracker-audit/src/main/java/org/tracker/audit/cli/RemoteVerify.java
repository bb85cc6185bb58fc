package org.tracker.audit.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;
import org.tracker.audit.chain.ChainReport;
import org.tracker.audit.chain.ChainWalkStream;

/**
 * Asks a running tracker to walk its chain ({@code GET /api/admin/chain}, streamed as JSON Lines so that a walk of
 * millions of events shows its progress) and prints what it found.
 */
final class RemoteVerify {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Until the answer starts: the tracker starts it before it walks, so only a stuck tracker takes this long. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(1);

    private final URI tracker;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @param tracker the tracker's address; a path in it (a tracker behind a proxy) is kept */
    RemoteVerify(URI tracker, String token) {
        this.tracker = tracker.getPath().endsWith("/") ? tracker : URI.create(tracker + "/");
        this.token = token;
    }

    int run(PrintStream out, PrintStream err) {
        HttpRequest request = HttpRequest.newBuilder(tracker.resolve("api/admin/chain"))
                .timeout(ANSWER_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", ChainWalkStream.MEDIA_TYPE + ", application/problem+json")
                .GET()
                .build();
        ProgressLine progress = ProgressLine.onStandardError(err);
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = response.body()) {
                if (response.statusCode() != 200) {
                    return cannotRun(err, Refusal.describe(response.statusCode(), String.join("\n", (Iterable<String>)
                            lines::iterator)));
                }
                ChainReport report = null;
                for (Iterator<String> it = lines.iterator(); it.hasNext() && report == null; ) {
                    JsonNode line = json.readTree(it.next());
                    if (line.has(ChainWalkStream.REPORT)) {
                        report = json.treeToValue(line.get(ChainWalkStream.REPORT), ChainReport.class);
                    } else {
                        JsonNode shown = line.path(ChainWalkStream.PROGRESS);
                        progress.showVerified(
                                shown.path(ChainWalkStream.EVENTS_CHECKED).asLong(),
                                shown.path(ChainWalkStream.PERCENT).isInt()
                                        ? shown.get(ChainWalkStream.PERCENT).asInt()
                                        : null);
                    }
                }
                progress.end();
                if (report == null) {
                    return cannotRun(err, "the tracker stopped answering before the walk ended; see its log");
                }
                return print(report, out);
            }
        } catch (ConnectException e) {
            progress.end();
            return cannotRun(
                    err,
                    "cannot reach the tracker at " + tracker + " (start it with ./tracker run, or set TRACKER_URL)");
        } catch (IOException | UncheckedIOException e) {
            progress.end();
            return cannotRun(err, "the request to " + tracker + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cannotRun(err, "interrupted");
        }
    }

    private static int cannotRun(PrintStream err, String reason) {
        err.println("tracker verify: " + reason);
        return VerifyCommand.CANNOT_RUN;
    }

    private int print(ChainReport report, PrintStream out) {
        if (report.intact()) {
            out.printf(
                    "intact: %s of %s checked at %s%n",
                    VerifyCommand.count(report.eventsChecked(), "event"),
                    VerifyCommand.count(report.measuresChecked(), "measure"),
                    tracker);
        } else {
            out.println("TAMPERED: " + report.firstProblem().description());
            out.printf(
                    "checked before it: %s of %s at %s%n",
                    VerifyCommand.count(report.eventsChecked(), "event"),
                    VerifyCommand.count(report.measuresChecked(), "measure"),
                    tracker);
        }
        out.println("ledger digest: " + report.ledgerDigest());
        out.flush();
        return report.intact() ? VerifyCommand.INTACT : VerifyCommand.TAMPERED;
    }
}
