package org.tracker.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tracker.api.Api;
import org.tracker.api.TestServers;
import org.tracker.api.alerts.WebhookReceiver;

/**
 * Two instances serve the same measures at the same time, each request going to either, as a load balancer sends
 * them: no acknowledged fact may be lost, no valid fact refused, no row of the projection written from stale state,
 * no alert sent twice.
 */
class TwoInstancesTest {

    private static final LocalDate INTRODUCED = LocalDate.parse("2025-01-06");
    private static final String COSPONSOR = "N000188";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Cluster cluster;
    static Api a;
    static Api b;

    @BeforeAll
    static void startTwoInstances() {
        cluster = Cluster.start(false);
        a = cluster.a().api();
        b = cluster.b().api();
    }

    @AfterAll
    static void stopThem() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aCosponsorAddedThroughOneInstanceAndWithdrawnThroughTheOtherIsStoredEveryRound() {
        List<String> refused = new ArrayList<>();
        addAndWithdrawInTurns("hr8101-119", a, "A", b, "B", refused);
        addAndWithdrawInTurns("hr8102-119", b, "B", a, "A", refused);

        assertThat(refused).as("facts not stored when answered").isEmpty();
        for (String billId : List.of("hr8101-119", "hr8102-119")) {
            List<JsonNode> history = Facts.history(a, billId);
            assertThat(Facts.count(history, "CosponsorAdded")).as(billId).isEqualTo(10);
            assertThat(Facts.count(history, "CosponsorWithdrawn")).as(billId).isEqualTo(10);
        }
    }

    /** Ten rounds, each a day after the last: each instance must see what the other stored just before. */
    private static void addAndWithdrawInTurns(
            String billId,
            Api adding,
            String addingName,
            Api withdrawing,
            String withdrawingName,
            List<String> refused) {
        Facts.introduce(adding, billId, INTRODUCED);
        LocalDate day = LocalDate.parse("2025-02-03");
        for (int round = 1; round <= 10; round++) {
            Api.Response added =
                    adding.post("/api/bills/" + billId + "/cosponsors", Facts.cosponsorship(COSPONSOR, day));
            expectAppended(
                    added,
                    "CosponsorAdded",
                    "%s round %d: added through %s".formatted(billId, round, addingName),
                    refused);
            day = day.plusDays(1);
            Api.Response withdrawn = withdrawing.post(
                    "/api/bills/" + billId + "/cosponsors/" + COSPONSOR + "/withdrawal", Facts.withdrawal(day));
            expectAppended(
                    withdrawn,
                    "CosponsorWithdrawn",
                    "%s round %d: withdrawn through %s".formatted(billId, round, withdrawingName),
                    refused);
            day = day.plusDays(1);
        }
    }

    private static void expectAppended(Api.Response response, String event, String what, List<String> refused) {
        if (response.status() != 201
                || !response.body().path("appended").toString().contains(event)) {
            refused.add(what + " answered " + response.status() + " " + response.body());
        }
    }

    @Test
    void concurrentActionsOnOneBillThroughBothInstancesAreEachStoredOnceOrRefusedAsAConflict() throws Exception {
        String billId = "hr8201-119";
        Facts.introduce(a, billId, INTRODUCED);
        List<Callable<Outcome>> posts = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            Api instance = n % 2 == 0 ? a : b;
            String text = "Cluster concurrent action " + n + " through " + (n % 2 == 0 ? "A" : "B") + ".";
            LocalDate date = LocalDate.parse("2025-02-01").plusDays(n % 50);
            posts.add(() -> Outcome.of(
                    text, () -> instance.post("/api/bills/" + billId + "/actions", Facts.action(date, text))));
        }

        List<Outcome> outcomes = runConcurrently(posts);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(summary(outcomes.stream()
                        .filter(outcome -> !outcome.acknowledged() && !outcome.conflict())
                        .toList()))
                .as("answers other than 2xx or a 409 problem")
                .isEmpty();
        Map<String, Long> stored = Facts.history(a, billId).stream()
                .filter(event -> event.get("type").asText().equals("BillActionRecorded"))
                .collect(Collectors.groupingBy(
                        event -> event.at("/fact/action/text").asText(), Collectors.counting()));
        softly.assertThat(outcomes.stream()
                        .filter(outcome ->
                                stored.getOrDefault(outcome.fact(), 0L) != (outcome.acknowledged() ? 1L : 0L))
                        .map(outcome -> outcome.fact() + " answered " + outcome.status() + ", stored "
                                + stored.getOrDefault(outcome.fact(), 0L) + " times")
                        .toList())
                .as("facts stored other than once if acknowledged, never if refused")
                .isEmpty();
        long conflicts = outcomes.stream().filter(Outcome::conflict).count();
        System.out.printf(
                "cluster: concurrent actions on one bill: %d acknowledged, %d refused as conflicts, %d otherwise%n",
                outcomes.stream().filter(Outcome::acknowledged).count(),
                conflicts,
                outcomes.stream()
                        .filter(outcome -> !outcome.acknowledged() && !outcome.conflict())
                        .count());
        softly.assertAll();
    }

    /** A vote and an action on one bill on one day, sent through different instances at the same moment. */
    private record Pair(String billId, LocalDate day, String voteId, String actionText) {}

    @Test
    void votesAndActionsOnTheSameBillsThroughDifferentInstancesLeaveTheProjectionAsARebuildWouldMakeIt()
            throws Exception {
        int bills = 12;
        int pairsPerBill = 5;
        List<String> billIds = IntStream.range(0, bills)
                .mapToObj(n -> "hr" + (8300 + n) + "-119")
                .toList();
        billIds.forEach(billId -> Facts.introduce(a, billId, INTRODUCED));
        List<Pair> pairs = new ArrayList<>();
        List<Callable<Outcome>> posts = new ArrayList<>();
        for (int round = 0; round < pairsPerBill; round++) {
            LocalDate day = LocalDate.parse("2025-03-03").plusDays(round);
            for (int n = 0; n < bills; n++) {
                String billId = billIds.get(n);
                Api voting = (round + n) % 2 == 0 ? a : b;
                Api acting = voting == a ? b : a;
                int rollNumber = 100 + n * pairsPerBill + round;
                String text = "Cluster row action " + round + " on " + billId + ".";
                pairs.add(new Pair(billId, day, Facts.voteId(rollNumber), text));
                posts.add(() -> Outcome.of(
                        Facts.voteId(rollNumber),
                        () -> voting.post("/api/votes", Facts.vote(rollNumber, day, billId))));
                posts.add(() -> Outcome.of(
                        text, () -> acting.post("/api/bills/" + billId + "/actions", Facts.action(day, text))));
            }
        }

        List<Outcome> outcomes = runConcurrently(posts);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(summary(outcomes.stream()
                        .filter(outcome -> !outcome.acknowledged())
                        .toList()))
                .as("valid facts refused")
                .isEmpty();
        // Pairs come day after day, so each bill's newest acknowledged vote and action are its last ones.
        Map<String, String> newest = new HashMap<>();
        Map<String, String> newestVote = new HashMap<>();
        Map<String, String> newestAction = new HashMap<>();
        for (int n = 0; n < pairs.size(); n++) {
            Pair pair = pairs.get(n);
            if (outcomes.get(2 * n).acknowledged()) {
                newestVote.put(pair.billId(), pair.voteId());
            }
            if (outcomes.get(2 * n + 1).acknowledged()) {
                newestAction.put(pair.billId(), pair.actionText());
            }
        }
        billIds.forEach(billId -> newest.put(billId, newestVote.get(billId) + " / " + newestAction.get(billId)));
        Map<String, String> shown = new HashMap<>();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (String billId : billIds) {
                    JsonNode row = a.get("/api/measures/" + billId).body();
                    String vote = row.at("/latestVote/voteId").isMissingNode()
                            ? null
                            : row.at("/latestVote/voteId").asText();
                    String action = row.path("lastAction").isNull()
                            ? null
                            : row.path("lastAction").asText();
                    shown.put(billId, vote + " / " + action);
                }
                return shown.equals(newest);
            });
        } catch (ConditionTimeoutException e) {
            // The comparison below says which bills differ.
        }
        softly.assertThat(shown)
                .as("each bill's latest vote and last action as the projection shows them, 30 s after the last answer")
                .isEqualTo(newest);
        JsonNode comparison = compareWithARebuild(a);
        softly.assertThat(comparison.at("/outcome/equal").asBoolean())
                .as("the live projection equals a rebuild from the store: %s", comparison)
                .isTrue();
        softly.assertAll();
    }

    /** Answers grouped by status and problem type, with how many and one fact each: a short failure message. */
    private static List<String> summary(List<Outcome> outcomes) {
        return outcomes.stream()
                .collect(Collectors.groupingBy(
                        outcome -> outcome.status() + " " + outcome.problemType(), TreeMap::new, Collectors.toList()))
                .entrySet()
                .stream()
                .map(kind -> kind.getValue().size() + " answered " + kind.getKey() + ", e.g. "
                        + kind.getValue().get(0).fact() + ": "
                        + kind.getValue().get(0).answer())
                .toList();
    }

    /** Rebuilds the projection beside the live one and compares the two, replacing nothing. */
    private static JsonNode compareWithARebuild(Api api) {
        String path = "/api/admin/projections/measures/rebuild";
        Api.Response started = api.as(TestServers.TOKEN, "POST", path + "?replace=false", null);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> api.as(TestServers.TOKEN, "GET", path, null).body(),
                        status -> !status.path("state").asText().equals("RUNNING"));
    }

    @Test
    void factsPostedThroughBothInstancesAlertOnceEach() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String token = account(a, "cluster-alerts");
            Api.Response endpoint =
                    a.as(token, "POST", "/api/webhooks", "{\"url\": \"%s\"}".formatted(receiver.url("/cluster")));
            assertThat(endpoint.status()).as(endpoint.body().toString()).isEqualTo(201);
            Api.Response subscription = b.as(
                    token,
                    "POST",
                    "/api/subscriptions",
                    """
                    {"follow": {"kind": "BILL"}, "when": [{"on": "STATUS_CHANGED", "into": ["REFERRED"]}],
                     "webhook": "%s"}
                    """
                            .formatted(endpoint.body().get("id").asText()));
            assertThat(subscription.status()).as(subscription.body().toString()).isEqualTo(201);

            List<String> billIds = IntStream.range(0, 20)
                    .mapToObj(n -> "hr" + (8400 + n) + "-119")
                    .toList();
            for (int n = 0; n < billIds.size(); n++) {
                Api introducing = n % 2 == 0 ? a : b;
                Api referring = introducing == a ? b : a;
                Facts.introduce(introducing, billIds.get(n), INTRODUCED);
                Api.Response referred = referring.post(
                        "/api/bills/" + billIds.get(n) + "/actions", Facts.referral(INTRODUCED.plusDays(1)));
                assertThat(referred.status()).as(referred.body().toString()).isEqualTo(201);
            }

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(alertedMeasures(receiver)).containsAll(billIds));
            // Repeats come from a second instance sending what the first sent: give it the time to.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                List<WebhookReceiver.Received> received = receiver.receivedAt("/cluster");
                assertThat(received.stream().map(WebhookReceiver.Received::id))
                        .as("webhook-ids")
                        .doesNotHaveDuplicates();
                assertThat(alertedMeasures(receiver)).as("alerts per measure").doesNotHaveDuplicates();
            });
        }
    }

    private static List<String> alertedMeasures(WebhookReceiver receiver) {
        return receiver.receivedAt("/cluster").stream()
                .map(received ->
                        readTree(received.body()).at("/data/measure/id").asText())
                .toList();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String account(Api api, String id) {
        Api.Response created = api.as(
                TestServers.TOKEN,
                "POST",
                "/api/admin/accounts",
                "{\"id\": \"%s\", \"name\": \"%s\", \"email\": \"%s@example.org\"}".formatted(id, id, id));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("token").asText();
    }

    /** Runs the requests on eight threads at once, as many clients would send them. */
    private static List<Outcome> runConcurrently(List<Callable<Outcome>> requests) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> outcome : clients.invokeAll(requests)) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } finally {
            clients.shutdownNow();
        }
    }

    /** What a request for a fact was answered, or how it failed. */
    record Outcome(String fact, int status, String contentType, String problemType, String answer) {

        static Outcome of(String fact, Callable<Api.Response> request) {
            try {
                Api.Response response = request.call();
                return new Outcome(
                        fact,
                        response.status(),
                        response.contentType(),
                        response.body().path("type").asText(""),
                        response.body().toString());
            } catch (Exception e) {
                return new Outcome(fact, 0, "", "", e.toString());
            }
        }

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        boolean conflict() {
            return status == 409 && contentType.startsWith("application/problem+json");
        }
    }
}
