package org.tracker.audit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A running tracker's admin API as the commands ask it: at {@code $TRACKER_URL} with the token in
 * {@code $TRACKER_API_TOKEN}, JSON in and out, and every way it can fail said in a sentence.
 */
final class TrackerApi {

    private static final String DEFAULT_TRACKER = "http://localhost:8080";
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tracker;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param tracker the tracker's address; a path in it (a tracker behind a proxy) is kept */
    private TrackerApi(URI tracker, String token) {
        this.tracker = tracker.getPath().endsWith("/") ? tracker : URI.create(tracker + "/");
        this.token = token;
    }

    /** The tracker the environment names, or empty when it holds no token. */
    static Optional<TrackerApi> fromEnvironment(Map<String, String> environment) {
        String token = environment.get("TRACKER_API_TOKEN");
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(
                new TrackerApi(URI.create(environment.getOrDefault("TRACKER_URL", DEFAULT_TRACKER)), token.strip()));
    }

    /**
     * @param body a JSON document, or null for none
     * @throws Refused when the tracker answers other than {@code expected}
     * @throws CannotRun when it cannot be reached or its answer is not JSON
     */
    JsonNode call(String method, String path, String body, int expected) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(tracker.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CannotRun(
                    "cannot reach the tracker at " + tracker + " (start it with ./tracker run, or set TRACKER_URL)");
        } catch (IOException e) {
            throw new CannotRun("the request to " + tracker + " failed: " + e.getMessage());
        }
        if (response.statusCode() != expected) {
            throw new Refused(response.statusCode(), Refusal.describe(response.statusCode(), response.body()));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CannotRun("the tracker's answer is not JSON: " + e.getMessage());
        }
    }

    /** The tracker could not be asked, or refused. */
    static class CannotRun extends RuntimeException {
        CannotRun(String message) {
            super(message);
        }
    }

    /** The tracker answered with a problem. */
    static final class Refused extends CannotRun {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
