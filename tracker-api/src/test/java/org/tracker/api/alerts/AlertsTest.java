package org.tracker.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tracker.api.alerts.Alerting.MAIL;
import static org.tracker.api.alerts.Alerting.RECEIVER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tracker.api.Api;
import org.tracker.api.TestServers;
import org.tracker.api.alerts.WebhookReceiver.Answer;
import org.tracker.api.alerts.WebhookReceiver.Received;

/**
 * Facts posted to the API become alerts on a real SMTP server and a real HTTP receiver, signed as Standard Webhooks
 * says, retried until they arrive, and never sent twice but as a repeat of the same webhook-id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        Alerting.register(registry);
    }

    @LocalServerPort
    int port;

    Api api() {
        return new Api(port);
    }

    @Test
    void aPostedFactProducesASignedWebhookAndAnEmailWithAWorkingUnsubscribeLink() throws Exception {
        String token = Alerting.account(api(), "staffer-a", "owner-a@example.org");
        JsonNode endpoint = Alerting.endpoint(api(), token, "/a");
        JsonNode subscription = Alerting.subscribe(
                api(),
                token,
                """
                {"name": "H.R. 7645 status", "follow": {"measure": "hr7645-119"},
                 "when": [{"on": "STATUS_CHANGED", "into": ["REFERRED"]}],
                 "email": "staffer-a@example.org", "webhook": "%s"}
                """
                        .formatted(endpoint.get("id").asText()));

        assertThat(api().post("/api/bills", Alerting.introduction("hr7645-119", "2026-02-20"))
                        .status())
                .isEqualTo(201);
        assertThat(api().post("/api/bills/hr7645-119/actions", Alerting.referral("2026-02-20"))
                        .status())
                .isEqualTo(201);

        Received webhook = await().atMost(Duration.ofSeconds(30))
                .until(() -> RECEIVER.receivedAt("/a"), received -> !received.isEmpty())
                .get(0);
        new Webhook(endpoint.get("secret").asText()).verify(webhook.body(), webhook.headers());
        JsonNode body = JSON.readTree(webhook.body());
        assertThat(body.get("type").asText()).isEqualTo("measure.status_changed");
        assertThat(body.at("/data/measure/id").asText()).isEqualTo("hr7645-119");
        assertThat(body.at("/data/measure/title").asText()).isEqualTo("Ceasefire Compliance Act");
        assertThat(body.at("/data/change/from").asText()).isEqualTo("INTRODUCED");
        assertThat(body.at("/data/change/to").asText()).isEqualTo("REFERRED");
        assertThat(body.at("/data/change/source").asText()).startsWith("https://www.congress.gov/");
        assertThat(body.at("/data/measure/link").asText()).endsWith("/api/measures/hr7645-119");
        // Operators watch the latency the alert benchmark measures, split at the notifier's decision.
        assertThat(timedCount("tracker.notify.decision.lag")).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> timedCount("tracker.notify.delivery.lag?tag=channel:WEBHOOK"), count -> count >= 1);

        MimeMessage email = await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> List.of(MAIL.getReceivedMessagesForDomain("example.org")), mails -> mails.stream()
                        .anyMatch(mail -> recipientOf(mail).equals("staffer-a@example.org")))
                .stream()
                .filter(mail -> recipientOf(mail).equals("staffer-a@example.org"))
                .findFirst()
                .orElseThrow();
        assertThat(email.getSubject()).contains("hr7645-119").contains("REFERRED");
        assertThat(email.getMessageID())
                .as("derived from the delivery, so a repeat is recognisable")
                .matches("<[0-9a-f-]{36}@tracker>");
        String text = com.icegreen.greenmail.util.GreenMailUtil.getBody(email);
        assertThat(text)
                .contains("Ceasefire Compliance Act")
                .contains("INTRODUCED")
                .contains("REFERRED");
        String unsubscribe = email.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        assertThat(text).contains(unsubscribe);
        // The link names the tracker's public address; this test's server listens on a port chosen at random.
        unsubscribe = unsubscribe.replaceFirst("^http://[^/]+", "http://localhost:" + port);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(unsubscribe)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String subscriptionPath = "/api/subscriptions/" + subscription.get("id").asText();
        assertThat(api().as(token, "GET", subscriptionPath, null)
                        .body()
                        .at("/subscription/paused")
                        .asBoolean())
                .as("opening the page changes nothing")
                .isFalse();
        HttpResponse<String> done = http.send(
                HttpRequest.newBuilder(URI.create(unsubscribe))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("unsubscribed");
        JsonNode after = api().as(token, "GET", subscriptionPath, null).body();
        assertThat(after.at("/subscription/paused").asBoolean()).isTrue();
        assertThat(after.get("pausedReason").asText()).contains("unsubscribed");
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffHonouringRetryAfterAndGetsTheAlertWithOneId() {
        String token = Alerting.account(api(), "staffer-b", "owner-b@example.org");
        JsonNode endpoint = Alerting.endpoint(api(), token, "/b");
        JsonNode subscription = Alerting.subscribe(
                api(),
                token,
                """
                {"follow": {"measure": "hr100-119"}, "when": [{"on": "ANY_FACT"}], "webhook": "%s"}
                """
                        .formatted(endpoint.get("id").asText()));
        RECEIVER.answerNext("/b", new Answer(503, Map.of("Retry-After", "1"), request -> {}), Answer.status(500));

        assertThat(api().post("/api/bills", Alerting.introduction("hr100-119", "2026-03-02"))
                        .status())
                .isEqualTo(201);

        List<Received> requests = await().atMost(Duration.ofSeconds(30))
                .until(() -> RECEIVER.receivedAt("/b"), received -> received.size() == 3);
        assertThat(requests)
                .extracting(Received::id)
                .containsOnly(requests.get(0).id());
        assertThat(Duration.ofNanos(requests.get(1).atNanos() - requests.get(0).atNanos()))
                .as("the receiver asked for a second's pause")
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));

        String deliveries = "/api/subscriptions/" + subscription.get("id").asText() + "/deliveries";
        JsonNode delivery = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> api().as(token, "GET", deliveries, null).body(),
                        list -> list.size() == 1
                                && list.get(0).get("status").asText().equals("DELIVERED"))
                .get(0);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat("msg_" + delivery.get("id").asText())
                .isEqualTo(requests.get(0).id());
        JsonNode attempts = api().as(
                        token, "GET", "/api/deliveries/" + delivery.get("id").asText(), null)
                .body()
                .get("attempts");
        assertThat(attempts)
                .extracting(attempt -> attempt.get("statusCode").asInt())
                .containsExactly(503, 500, 204);
        assertThat(attempts)
                .extracting(attempt -> attempt.get("outcome").asText())
                .containsExactly("FAILED", "FAILED", "DELIVERED");
        assertThat(api().as(TestServers.TOKEN, "GET", "/actuator/metrics/tracker.notify.attempts", null)
                        .body()
                        .toString())
                .contains("FAILED", "DELIVERED", "WEBHOOK");
    }

    @Test
    void goneDisablesTheEndpointTellsItsOwnerAndKeepsTheAlertsForRedelivery() throws Exception {
        String token = Alerting.account(api(), "staffer-c", "owner-c@example.org");
        JsonNode endpoint = Alerting.endpoint(api(), token, "/c");
        String endpointPath = "/api/webhooks/" + endpoint.get("id").asText();
        Alerting.subscribe(
                api(),
                token,
                """
                {"follow": {"measure": "hr101-119"}, "when": [{"on": "ANY_FACT"}], "webhook": "%s"}
                """
                        .formatted(endpoint.get("id").asText()));
        RECEIVER.answerNext("/c", Answer.status(410));

        assertThat(api().post("/api/bills", Alerting.introduction("hr101-119", "2026-03-02"))
                        .status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api().as(token, "GET", endpointPath, null).body(), view -> !view.get("disabledAt")
                        .isNull());
        assertThat(api().as(token, "GET", endpointPath, null)
                        .body()
                        .get("disabledReason")
                        .asText())
                .contains("410");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> List.of(MAIL.getReceivedMessagesForDomain("example.org")), mails -> mails.stream()
                        .anyMatch(mail -> subjectOf(mail).startsWith("[tracker] Webhook endpoint disabled")
                                && recipientOf(mail).equals("owner-c@example.org")));

        assertThat(api().post("/api/bills/hr101-119/actions", Alerting.referral("2026-03-03"))
                        .status())
                .isEqualTo(201);
        List<JsonNode> failed =
                await().atMost(Duration.ofSeconds(30)).until(() -> failedDeliveries(token), list -> list.size() == 3);
        assertThat(RECEIVER.receivedAt("/c"))
                .as("a disabled endpoint is not called")
                .hasSize(1);

        assertThat(api().as(token, "POST", endpointPath + "/enable", null).status())
                .isEqualTo(200);
        for (JsonNode delivery : failed) {
            assertThat(api().as(
                                    token,
                                    "POST",
                                    "/api/deliveries/" + delivery.get("id").asText() + "/redeliver",
                                    null)
                            .status())
                    .isEqualTo(202);
        }
        List<Received> requests = await().atMost(Duration.ofSeconds(30))
                .until(() -> RECEIVER.receivedAt("/c"), received -> received.size() == 4);
        assertThat(requests.stream().map(Received::id).distinct())
                .as("the redelivered alert that had reached the receiver keeps its id")
                .hasSize(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> failedDeliveries(token), List::isEmpty);
    }

    @Test
    void anAccountSeesOnlyItsOwnAndMistakesGetProblemsThatSayWhatToFix() {
        String owner = Alerting.account(api(), "staffer-d", "owner-d@example.org");
        String other = Alerting.account(api(), "staffer-e", "owner-e@example.org");
        JsonNode subscription = Alerting.subscribe(
                api(),
                owner,
                """
                {"follow": {"kind": "ARMS_SALE"}, "when": [{"on": "STATUS_CHANGED"}], "email": "d@example.org"}
                """);
        String path = "/api/subscriptions/" + subscription.get("id").asText();

        assertProblem(api().as(other, "GET", path, null), 404, "not-found");
        assertThat(api().as(other, "GET", "/api/subscriptions", null).body()).isEmpty();
        assertProblem(api().get("/api/subscriptions"), 401, "unauthorized");
        assertProblem(api().as(owner, "POST", "/api/admin/accounts", "{\"id\": \"intruder\"}"), 403, "forbidden");

        Api.Response misspelt = api().as(
                        owner,
                        "POST",
                        "/api/subscriptions",
                        """
                {"follow": {"kind": "BILL"}, "when": [{"on": "STATUS_CHANGED"}], "emial": "d@example.org"}
                """);
        assertProblem(misspelt, 400, "invalid-request");
        assertThat(misspelt.body().get("detail").asText()).contains("emial");
        Api.Response nowhere = api().as(
                        owner,
                        "POST",
                        "/api/subscriptions",
                        "{\"follow\": {\"kind\": \"BILL\"}, \"when\": [{\"on\": \"ANY_FACT\"}]}");
        assertProblem(nowhere, 400, "invalid-request");
        assertThat(nowhere.body().get("detail").asText()).contains("'email', 'webhook' or both");
        Api.Response internal =
                api().as(owner, "POST", "/api/webhooks", "{\"url\": \"http://169.254.169.254/latest/meta-data\"}");
        assertProblem(internal, 400, "invalid-request");
        assertThat(internal.body().get("detail").asText()).contains("internal address");

        assertThat(api().as(other, "DELETE", path, null).status()).isEqualTo(404);
        assertThat(api().as(owner, "DELETE", path, null).status()).isEqualTo(204);
        assertProblem(api().as(owner, "GET", path, null), 404, "not-found");
    }

    private List<JsonNode> failedDeliveries(String token) {
        List<JsonNode> failed = new java.util.ArrayList<>();
        api().as(token, "GET", "/api/deliveries?status=FAILED", null).body().forEach(failed::add);
        return failed;
    }

    private double timedCount(String metric) {
        Api.Response response = api().as(TestServers.TOKEN, "GET", "/actuator/metrics/" + metric, null);
        assertThat(response.status()).isEqualTo(200);
        return response.body().at("/measurements/0/value").asDouble();
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").asText()).isEqualTo("/problems/" + type);
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipientOf(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
