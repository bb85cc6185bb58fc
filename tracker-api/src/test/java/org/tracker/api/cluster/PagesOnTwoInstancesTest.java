package org.tracker.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tracker.api.Api;
import org.tracker.api.TestServers;

/**
 * The pages on two instances behind one address: a change committed by whichever instance folded it reaches the live
 * streams open on both, a stream that reconnects to the other instance catches up from its last event id, and a
 * session opened on one instance is honoured by the other.
 */
class PagesOnTwoInstancesTest {

    private static final LocalDate INTRODUCED = LocalDate.parse("2025-01-06");
    private static final Pattern EVENT_ID = Pattern.compile("^id:(\\d+)$");

    static Cluster cluster;
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTwoInstances() {
        cluster = Cluster.start(false);
    }

    @AfterAll
    static void stopThem() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The lines an open stream has received so far. */
    final class LiveStream implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;

        LiveStream(URI uri, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
            response.thenAccept(r -> r.body().forEach(lines::add));
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains(":open"));
        }

        boolean heard(String text) {
            return lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains(text));
        }

        Optional<String> lastEventId() {
            return lines.stream()
                    .map(EVENT_ID::matcher)
                    .filter(Matcher::matches)
                    .map(m -> m.group(1))
                    .reduce((first, second) -> second);
        }

        @Override
        public void close() {
            response.cancel(true);
        }
    }

    @Test
    void aChangeCommittedThroughOneInstanceReachesTheStreamsOpenOnBoth() {
        try (LiveStream onA = new LiveStream(cluster.a().url("/live"), null);
                LiveStream onB = new LiveStream(cluster.b().url("/live"), null)) {
            Facts.introduce(cluster.a().api(), "hr8301-119", INTRODUCED);
            Facts.introduce(cluster.b().api(), "hr8302-119", INTRODUCED);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (LiveStream stream : List.of(onA, onB)) {
                    assertThat(stream.heard("hr8301-119")).isTrue();
                    assertThat(stream.heard("hr8302-119")).isTrue();
                }
            });
        }
    }

    @Test
    void aStreamThatReconnectsToTheOtherInstanceCatchesUpFromItsLastEvent() {
        String lastSeen;
        try (LiveStream onA = new LiveStream(cluster.a().url("/live?measure=hr8311-119"), null)) {
            Facts.introduce(cluster.a().api(), "hr8311-119", INTRODUCED);
            await().atMost(Duration.ofSeconds(20)).until(() -> onA.lastEventId().isPresent());
            lastSeen = onA.lastEventId().orElseThrow();
        }
        Api.Response action = cluster.b()
                .api()
                .post(
                        "/api/bills/hr8311-119/actions",
                        Facts.action(INTRODUCED.plusDays(1), "Reported by the Committee on Armed Services."));
        assertThat(action.status()).as(action.body().toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> cluster.a()
                .api()
                .get("/api/measures/hr8311-119")
                .body()
                .path("lastAction")
                .asText()
                .contains("Armed Services"));
        try (LiveStream onB = new LiveStream(cluster.b().url("/live?measure=hr8311-119"), lastSeen)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> onB.heard("Armed Services"));
        }
    }

    @Test
    void aSessionOpenedOnOneInstanceIsHonouredByTheOther() throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(cluster.a().url("/sign-in")).build(), HttpResponse.BodyHandlers.ofString());
        String csrfCookie = cookie(form, "TRACKER_CSRF");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).as(form.body()).isTrue();

        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(cluster.a().url("/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "TRACKER_CSRF=" + csrfCookie)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "_csrf=" + token.group(1) + "&token=" + TestServers.TOKEN + "&next=/deadlines"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/deadlines"));
        String session = cookie(signedIn, "TRACKER_SESSION");

        HttpResponse<String> onB = http.send(
                HttpRequest.newBuilder(cluster.b().url("/"))
                        .header("Cookie", "TRACKER_SESSION=" + session)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("Signed in as operator");
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(name + "="))
                .map(header -> header.substring(name.length() + 1, header.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers()));
    }
}
