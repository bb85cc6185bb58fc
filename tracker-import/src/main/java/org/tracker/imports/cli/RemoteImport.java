package org.tracker.imports.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tracker.imports.file.FileOutcome;
import org.tracker.imports.file.ImportSummary;

/**
 * Posts each file to a running tracker's {@code POST /api/imports}, one request per file, so that each file is
 * imported, or rejected, on its own and the progress shows as it goes; then prints the summary of them all. A few
 * requests are in flight at once: while the tracker parses one file, PostgreSQL can be storing another's events.
 */
final class RemoteImport {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A file of thousands of actions takes seconds to record; a tracker that takes this long is stuck. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private final URI tracker;
    private final String token;
    private final int parallel;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @param tracker the tracker's address; a path in it (a tracker behind a proxy) is kept */
    /** @param parallel how many files are posted at once */
    RemoteImport(URI tracker, String token, int parallel) {
        this.tracker = tracker.getPath().endsWith("/") ? tracker : URI.create(tracker + "/");
        this.token = token;
        this.parallel = parallel;
    }

    /** @return 0 when no file was rejected, 1 when some were, 2 when the tracker could not be used at all */
    int run(List<Path> files, PrintStream out, PrintStream err) {
        ProgressBar progress = ProgressBar.onStandardError(err, files.size());
        List<FileOutcome> outcomes = new ArrayList<>();
        long eventsAppended = 0;
        int rejected = 0;
        progress.show(0, 0, 0);
        ExecutorService senders = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<ImportSummary>> posts =
                    files.stream().map(file -> senders.submit(() -> post(file))).toList();
            for (Future<ImportSummary> post : posts) {
                ImportSummary posted;
                try {
                    posted = post.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TrackerUnusable unusable) {
                        err.println();
                        err.println("tracker import: " + unusable.getMessage());
                        print(ImportSummary.of(outcomes), out);
                        return 2;
                    }
                    throw new IllegalStateException("posting a file failed unexpectedly", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    err.println();
                    err.println("tracker import: interrupted");
                    print(ImportSummary.of(outcomes), out);
                    return 2;
                }
                outcomes.addAll(posted.results());
                eventsAppended += posted.eventsAppended();
                rejected += posted.rejected().size();
                progress.show(outcomes.size(), eventsAppended, rejected);
            }
        } finally {
            senders.shutdownNow();
        }
        ImportSummary summary = ImportSummary.of(outcomes);
        print(summary, out);
        return summary.rejected().isEmpty() ? 0 : 1;
    }

    private ImportSummary post(Path file) {
        String name = file.getFileName().toString();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(
                            tracker.resolve("api/imports?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/xml")
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
        } catch (FileNotFoundException e) {
            return rejected(name, "cannot read " + file + ": " + e.getMessage());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new TrackerUnusable("cannot reach the tracker at " + tracker + " (start it with ./tracker run, or"
                    + " set TRACKER_URL)");
        } catch (IOException e) {
            return rejected(name, "the request failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackerUnusable("interrupted");
        }
        return summaryOf(name, response);
    }

    /**
     * The tracker answers 200 with a summary, or 422 with a problem that holds one when it imported nothing; any other
     * problem concerns the request, which is this one file, unless the token itself is refused.
     */
    private ImportSummary summaryOf(String name, HttpResponse<String> response) {
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            return rejected(name, "the tracker answered " + response.statusCode() + " with a body that is not JSON");
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new TrackerUnusable(body.path("detail").asText("the tracker refused the token")
                    + " (the token is read from TRACKER_API_TOKEN)");
        }
        JsonNode summary = response.statusCode() == 200 ? body : body.path("summary");
        if (summary.isObject()) {
            try {
                return json.treeToValue(summary, ImportSummary.class);
            } catch (IOException e) {
                return rejected(name, "the tracker's summary cannot be read: " + e.getMessage());
            }
        }
        return rejected(
                name,
                "the tracker answered " + response.statusCode() + ": "
                        + body.path("detail").asText(body.path("title").asText("no reason given")));
    }

    private static ImportSummary rejected(String name, String reason) {
        return ImportSummary.of(List.of(FileOutcome.rejected(name, reason)));
    }

    private void print(ImportSummary summary, PrintStream out) {
        out.printf(
                "%d files sent to %s: %d measures created, %,d events appended, %d unchanged, %d rejected%n",
                summary.files(),
                tracker,
                summary.measuresCreated(),
                summary.eventsAppended(),
                summary.unchanged(),
                summary.rejected().size());
        for (FileOutcome result : summary.results()) {
            result.leftOut().forEach(fact -> out.println("left out of " + result.file() + ": " + fact));
        }
        for (ImportSummary.Rejection rejection : summary.rejected()) {
            out.println("rejected " + rejection.file() + ": " + rejection.reason());
        }
        out.flush();
    }

    /** The tracker cannot take any file: it is not there, or it refuses the token. */
    private static final class TrackerUnusable extends RuntimeException {
        TrackerUnusable(String message) {
            super(message);
        }
    }
}
