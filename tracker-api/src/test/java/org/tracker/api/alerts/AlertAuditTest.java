package org.tracker.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.tracker.api.alerts.Alerting.MAIL;
import static org.tracker.api.alerts.Alerting.RECEIVER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
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
 * An auditor reconstructs whom the tracker alerted and why: one posted fact alerts two accounts, by webhook (which
 * fails once) and by email, and the audit names the event that caused each alert and where it sits, the condition
 * that matched, the recipients, and every attempt. Accounts see only their own alerts; only operators see everyone's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BILL = "hr7646-119";
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

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
    void theAuditNamesTheCauseTheConditionTheRecipientsAndEveryAttemptOfEachAlert() throws Exception {
        String webhookOwner = Alerting.account(api(), "audited-a", "owner-audited-a@example.org");
        String emailOwner = Alerting.account(api(), "audited-b", "owner-audited-b@example.org");
        JsonNode endpoint = Alerting.endpoint(api(), webhookOwner, "/audited-a");
        String intoCommittee =
                """
                {"name": "%s referred", "follow": {"measure": "%s"},
                 "when": [{"on": "VOTE_RECORDED"}, {"on": "STATUS_CHANGED", "into": ["REFERRED"]}], %s}
                """;
        JsonNode byWebhook = Alerting.subscribe(
                api(),
                webhookOwner,
                intoCommittee.formatted(
                        BILL,
                        BILL,
                        "\"webhook\": \"%s\"".formatted(endpoint.get("id").asText())));
        JsonNode byEmail = Alerting.subscribe(
                api(), emailOwner, intoCommittee.formatted(BILL, BILL, "\"email\": \"audited-b@example.org\""));
        RECEIVER.answerNext("/audited-a", Answer.status(500));
        assertThat(api().post("/api/bills", Alerting.introduction(BILL, "2026-03-02"))
                        .status())
                .isEqualTo(201);
        Instant beforeTheFact = Instant.now();

        assertThat(api().post("/api/bills/" + BILL + "/actions", Alerting.referral("2026-03-03"))
                        .status())
                .isEqualTo(201);

        JsonNode alerts = await().atMost(Duration.ofSeconds(30))
                .until(() -> audit("/api/admin/alerts?measure=" + BILL), AlertAuditTest::everyDeliveryDelivered);
        assertThat(alerts).hasSize(2);
        JsonNode webhookAlert = alertOf(alerts, "audited-a");
        JsonNode emailAlert = alertOf(alerts, "audited-b");

        JsonNode cause = webhookAlert.get("cause");
        assertThat(cause.get("measureId").asText()).isEqualTo(BILL);
        assertThat(cause.get("sequence").asLong()).isPositive();
        assertThat(cause.get("eventId").asText()).isNotBlank();
        assertThat(cause.get("recordedAt").asText()).isNotBlank();
        assertThat(cause.get("effectiveAt").asText()).startsWith("2026-03-03");
        assertThat(emailAlert.get("cause")).as("one event alerted both").isEqualTo(cause);
        JsonNode stored = eventAt(cause.get("sequence").asLong());
        assertThat(cause.get("type").asText()).isEqualTo(stored.get("type").asText());
        assertThat(Instant.parse(cause.get("recordedAt").asText()))
                .as("PostgreSQL keeps microseconds")
                .isCloseTo(Instant.parse(stored.get("recordedAt").asText()), within(1, ChronoUnit.MICROS));

        assertThat(webhookAlert.get("trigger").asText()).isEqualTo("STATUS_CHANGED");
        assertThat(webhookAlert.get("matched")).singleElement().satisfies(condition -> {
            assertThat(condition.get("on").asText()).isEqualTo("STATUS_CHANGED");
            assertThat(condition.get("into")).extracting(JsonNode::asText).containsExactly("REFERRED");
        });
        assertThat(webhookAlert.at("/subscription/id").asText())
                .isEqualTo(byWebhook.get("id").asText());
        assertThat(emailAlert.at("/subscription/id").asText())
                .isEqualTo(byEmail.get("id").asText());
        assertThat(webhookAlert.at("/message/change/from").asText()).isEqualTo("INTRODUCED");
        assertThat(webhookAlert.at("/message/change/to").asText()).isEqualTo("REFERRED");

        JsonNode posted = webhookAlert.get("deliveries").get(0);
        assertThat(webhookAlert.get("deliveries")).hasSize(1);
        assertThat(posted.get("channel").asText()).isEqualTo("WEBHOOK");
        assertThat(posted.get("recipient").asText()).isEqualTo(RECEIVER.url("/audited-a"));
        assertThat(posted.get("attempts"))
                .extracting(attempt -> attempt.get("outcome").asText())
                .containsExactly("FAILED", "DELIVERED");
        assertThat(posted.get("attempts"))
                .extracting(attempt -> attempt.get("statusCode").asInt())
                .containsExactly(500, 204);
        assertThat(posted.get("attempts")).allSatisfy(attempt -> {
            assertThat(attempt.get("attemptedAt").asText()).isNotBlank();
            assertThat(attempt.get("latencyMillis").asLong()).isNotNegative();
        });
        List<Received> requests = RECEIVER.receivedAt("/audited-a");
        assertThat(requests).hasSize(2);
        assertThat(JSON.readTree(requests.get(1).body())
                        .at("/data/change/eventId")
                        .asText())
                .as("the event the receiver was told of")
                .isEqualTo(cause.get("eventId").asText());
        JsonNode mailed = emailAlert.get("deliveries").get(0);
        assertThat(emailAlert.get("deliveries")).hasSize(1);
        assertThat(mailed.get("channel").asText()).isEqualTo("EMAIL");
        assertThat(mailed.get("recipient").asText()).isEqualTo("audited-b@example.org");
        assertThat(mailed.get("attempts"))
                .extracting(attempt -> attempt.get("outcome").asText())
                .containsExactly("DELIVERED");
        assertThat(List.of(MAIL.getReceivedMessagesForDomain("example.org")))
                .anyMatch(mail -> recipientOf(mail).equals("audited-b@example.org"));

        assertThat(ids(audit("/api/admin/alerts?account=audited-a")))
                .containsExactly(webhookAlert.get("id").asText());
        assertThat(ids(audit("/api/admin/alerts?account=audited-b&measure=" + BILL)))
                .containsExactly(emailAlert.get("id").asText());
        assertThat(audit("/api/admin/alerts?measure=" + BILL + "&to=" + beforeTheFact))
                .isEmpty();
        assertThat(audit("/api/admin/alerts?measure=" + BILL + "&from=" + Instant.now()))
                .isEmpty();
        assertThat(audit("/api/admin/alerts?measure=" + BILL + "&from=" + beforeTheFact + "&to=" + Instant.now()))
                .hasSize(2);

        assertThat(ids(own(webhookOwner, "/api/alerts")))
                .containsExactly(webhookAlert.get("id").asText());
        assertThat(own(webhookOwner, "/api/alerts").get(0))
                .as("an account reads its own alerts as fully as an auditor")
                .isEqualTo(webhookAlert);
        assertThat(ids(own(emailOwner, "/api/alerts?measure=" + BILL + "&since=" + beforeTheFact)))
                .containsExactly(emailAlert.get("id").asText());
        Api.Response refused = api().as(webhookOwner, "GET", "/api/admin/alerts?measure=" + BILL, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aLongHistoryIsReadPageByPageThroughTheNextLink() throws Exception {
        String token = Alerting.account(api(), "audited-c", "owner-audited-c@example.org");
        Alerting.subscribe(
                api(),
                token,
                """
                {"follow": {"measure": "hr7647-119"}, "when": [{"on": "ANY_FACT"}], "email": "audited-c@example.org"}
                """);
        api().post("/api/bills", Alerting.introduction("hr7647-119", "2026-03-02"));
        api().post("/api/bills/hr7647-119/actions", Alerting.referral("2026-03-03"));
        int events = api().get("/api/measures/hr7647-119/history").body().size();
        JsonNode all = await().atMost(Duration.ofSeconds(30))
                .until(() -> own(token, "/api/alerts?measure=hr7647-119"), alerts -> alerts.size() == events);

        List<String> paged = new ArrayList<>();
        Optional<String> next = Optional.of("/api/admin/alerts?account=audited-c&limit=1");
        int pages = 0;
        while (next.isPresent()) {
            HttpResponse<String> page = get(TestServers.TOKEN, next.get());
            assertThat(page.statusCode()).isEqualTo(200);
            JSON.readTree(page.body())
                    .forEach(alert -> paged.add(alert.get("id").asText()));
            next = page.headers().firstValue("Link").map(AlertAuditTest::nextOf);
            pages++;
        }

        assertThat(paged).containsExactlyElementsOf(ids(all));
        assertThat(pages).isEqualTo(all.size());
    }

    @Test
    void aParameterThatCannotBeUsedIsAProblemNamingIt() {
        assertBadParameter("/api/admin/alerts?from=yesterday", "from");
        assertBadParameter("/api/alerts?since=2026-03-02", "since");
        assertBadParameter("/api/admin/alerts?from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z", "from");
        assertBadParameter("/api/admin/alerts?limit=0", "limit");
        assertBadParameter("/api/alerts?limit=1001", "limit");
        assertBadParameter("/api/admin/alerts?cursor=page-two", "cursor");
    }

    private void assertBadParameter(String path, String parameter) {
        Api.Response answer = api().as(TestServers.TOKEN, "GET", path, null);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asText()).isEqualTo("/problems/invalid-request");
        assertThat(answer.body().get("parameter").asText()).isEqualTo(parameter);
        assertThat(answer.body().get("detail").asText()).contains("'" + parameter + "'");
    }

    private JsonNode audit(String path) {
        return own(TestServers.TOKEN, path);
    }

    private JsonNode own(String token, String path) {
        Api.Response answer = api().as(token, "GET", path, null);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    /** The measure's event at a sequence number, from its history. */
    private JsonNode eventAt(long sequence) {
        return StreamSupport.stream(
                        api().get("/api/measures/" + BILL + "/history").body().spliterator(), false)
                .filter(event -> event.get("sequence").asLong() == sequence)
                .findFirst()
                .orElseThrow();
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String nextOf(String link) {
        Matcher next = NEXT.matcher(link);
        assertThat(next.find()).as(link).isTrue();
        return next.group(1);
    }

    private static boolean everyDeliveryDelivered(JsonNode alerts) {
        return alerts.size() == 2
                && StreamSupport.stream(alerts.spliterator(), false)
                        .flatMap(alert ->
                                StreamSupport.stream(alert.get("deliveries").spliterator(), false))
                        .allMatch(delivery -> delivery.get("status").asText().equals("DELIVERED"))
                && StreamSupport.stream(alerts.spliterator(), false)
                        .allMatch(alert -> !alert.get("deliveries").isEmpty());
    }

    private static JsonNode alertOf(JsonNode alerts, String account) {
        return StreamSupport.stream(alerts.spliterator(), false)
                .filter(alert -> alert.get("account").asText().equals(account))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> ids(JsonNode alerts) {
        return StreamSupport.stream(alerts.spliterator(), false)
                .map(alert -> alert.get("id").asText())
                .toList();
    }

    private static String recipientOf(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
