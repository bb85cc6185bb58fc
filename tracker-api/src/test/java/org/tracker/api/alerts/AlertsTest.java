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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tracker.api.Api;
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

        MimeMessage email = await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> List.of(MAIL.getReceivedMessagesForDomain("example.org")), mails -> mails.stream()
                        .anyMatch(this::isToStafferA))
                .stream()
                .filter(this::isToStafferA)
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

    private boolean isToStafferA(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString().equals("staffer-a@example.org");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
