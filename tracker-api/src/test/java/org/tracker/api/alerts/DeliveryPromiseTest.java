package org.tracker.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tracker.api.alerts.Alerting.RECEIVER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tracker.api.Api;
import org.tracker.api.alerts.WebhookReceiver.Answer;
import org.tracker.api.alerts.WebhookReceiver.Received;

/**
 * What a subscriber is promised when its receiver fails, on real servers with the retry schedule and disable period
 * of production and a clock the test moves: the backlog arrives in order, before newer alerts, within a minute of the
 * receiver answering again; and nothing is given up before its destination has failed for five days, and then only
 * together with its endpoint being disabled, visibly and redeliverably.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(DeliveryPromiseTest.Clockwork.class)
class DeliveryPromiseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** This class's own mail server, which a test stops to take mail down, and starts again on the same port. */
    private static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

    private static GreenMail mail = startMail();

    @TestConfiguration
    static class Clockwork {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        Alerting.register(registry);
        // Production's: a failing destination is tried again after 5 s, 15 s, then every 30 s, for five days.
        registry.add("tracker.notify.retry-schedule", () -> "5s,15s,30s");
        registry.add("tracker.notify.disable-after", () -> "5d");
        registry.add("spring.mail.port", () -> SMTP.getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    Api api() {
        return new Api(port);
    }

    @Test
    void aBacklogDrainsInOrderBeforeNewerAlertsOnceTheReceiverAnswersAgain() {
        String token = Alerting.account(api(), "staffer-order", "owner-order@example.org");
        followActions(token, "hr500-119", "/order");
        RECEIVER.down("/order", Answer.status(503));

        post("hr500-119", 1, 4);
        awaitAttempts(token, "/order", 1);
        for (int probe = 2; probe <= 4; probe++) {
            clock.advance(Duration.ofSeconds(40));
            awaitAttempts(token, "/order", probe);
        }
        assertThat(RECEIVER.receivedAt("/order"))
                .as("while the receiver fails, only the oldest alert is tried")
                .extracting(Received::changedTo)
                .containsOnly("Hearing 1");

        RECEIVER.up("/order");
        post("hr500-119", 5, 6);
        awaitDecided(token, "hr500-119", 6);
        clock.advance(Duration.ofSeconds(40));

        assertThat(await().atMost(Duration.ofSeconds(30))
                        .until(() -> RECEIVER.deliveredAt("/order"), delivered -> delivered.size() == 6))
                .extracting(Received::changedTo)
                .containsExactly("Hearing 1", "Hearing 2", "Hearing 3", "Hearing 4", "Hearing 5", "Hearing 6");
        assertThat(RECEIVER.mostAtOnce("/order")).isEqualTo(1);
    }

    @Test
    void aReceiverBackAfterHoursGetsItsWholeBacklogWithinAMinuteOfAnsweringAgain() {
        String token = Alerting.account(api(), "staffer-back", "owner-back@example.org");
        followActions(token, "hr501-119", "/back");
        RECEIVER.down("/back", Answer.status(502));
        post("hr501-119", 1, 3);
        awaitAttempts(token, "/back", 1);
        for (int probe = 2; probe <= 4; probe++) {
            clock.advance(Duration.ofHours(2));
            awaitAttempts(token, "/back", probe);
        }

        RECEIVER.up("/back");
        Instant answersAgain = clock.instant();
        clock.advance(Duration.ofSeconds(37));

        List<Received> delivered = await().atMost(Duration.ofSeconds(10))
                .until(() -> RECEIVER.deliveredAt("/back"), all -> all.size() == 3);
        assertThat(delivered).extracting(Received::changedTo).containsExactly("Hearing 1", "Hearing 2", "Hearing 3");
        Instant first = sentAt(delivered.get(0));
        assertThat(Duration.between(answersAgain, first))
                .as("the failing endpoint was tried again within 36 s, not after hours")
                .isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(Duration.between(first, sentAt(delivered.get(2))))
                .as("once it answered, the rest followed at once")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void alertsAreGivenUpOnlyWithTheirEndpointDisabledAfterFiveDaysVisiblyAndCanBeRedelivered() throws Exception {
        String token = Alerting.account(api(), "staffer-quiet", "owner-quiet@example.org");
        JsonNode endpoint = followActions(token, "hr502-119", "/quiet");
        String endpointPath = "/api/webhooks/" + endpoint.get("id").asText();
        RECEIVER.down("/quiet", Answer.status(503));
        post("hr502-119", 1, 2);
        awaitAttempts(token, "/quiet", 1);

        // Deliveries used to fail for good after about 27.6 hours of retries, while the endpoint stayed enabled.
        clock.advance(Duration.ofHours(28));
        awaitAttempts(token, "/quiet", 2);
        assertThat(deliveries(token, "PENDING")).hasSize(2);
        assertThat(deliveries(token, "FAILED")).isEmpty();
        JsonNode failing = api().as(token, "GET", endpointPath, null).body();
        assertThat(failing.get("disabledAt").isNull()).isTrue();
        assertThat(failing.get("failingSince").isNull()).isFalse();

        clock.advance(Duration.ofDays(3));
        awaitAttempts(token, "/quiet", 3);
        assertThat(deliveries(token, "PENDING")).hasSize(2);

        clock.advance(Duration.ofDays(1));
        JsonNode disabled = await().atMost(Duration.ofSeconds(30))
                .until(() -> api().as(token, "GET", endpointPath, null).body(), view -> !view.get("disabledAt")
                        .isNull());
        assertThat(disabled.get("disabledReason").asText()).startsWith("it has failed every attempt since ");
        List<JsonNode> givenUp = deliveries(token, "FAILED");
        assertThat(givenUp).hasSize(2).allSatisfy(delivery -> assertThat(
                        delivery.get("lastError").asText())
                .isEqualTo("the webhook endpoint was disabled: "
                        + disabled.get("disabledReason").asText()));
        assertThat(deliveries(token, "PENDING")).isEmpty();
        JsonNode audit =
                api().as(token, "GET", "/api/alerts?measure=hr502-119", null).body();
        assertThat(audit).hasSize(2).allSatisfy(alert -> {
            JsonNode delivery = alert.get("deliveries").get(0);
            assertThat(delivery.get("status").asText()).isEqualTo("FAILED");
            assertThat(delivery.get("lastError").asText()).startsWith("the webhook endpoint was disabled: ");
        });
        MimeMessage told = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("owner-quiet@example.org"), mails -> !mails.isEmpty())
                .get(0);
        assertThat(told.getSubject()).startsWith("[tracker] Webhook endpoint disabled");

        RECEIVER.up("/quiet");
        assertThat(api().as(token, "POST", endpointPath + "/enable", null).status())
                .isEqualTo(200);
        for (JsonNode delivery : givenUp) {
            assertThat(api().as(
                                    token,
                                    "POST",
                                    "/api/deliveries/" + delivery.get("id").asText() + "/redeliver",
                                    null)
                            .status())
                    .isEqualTo(202);
        }
        assertThat(await().atMost(Duration.ofSeconds(30))
                        .until(() -> RECEIVER.deliveredAt("/quiet"), delivered -> delivered.size() == 2))
                .extracting(Received::changedTo)
                .containsExactlyInAnyOrder("Hearing 1", "Hearing 2");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> deliveries(token, "DELIVERED").size() == 2);
    }

    /**
     * Email follows the same rule in its own way: while mail cannot be sent the alerts wait, for five days, and are
     * then given up, visibly; there is no endpoint to disable, and the next email to the address is tried afresh.
     */
    @Test
    void emailsThatCannotBeSentWaitFiveDaysAndAreThenGivenUpVisibly() {
        String token = Alerting.account(api(), "staffer-mail", "owner-mail@example.org");
        Alerting.subscribe(
                api(),
                token,
                """
                {"follow": {"measure": "hr503-119"}, "when": [{"on": "ACTION_RECORDED"}],
                 "email": "mail-down@example.org"}
                """);
        assertThat(api().post("/api/bills", Alerting.introduction("hr503-119", "2026-03-01"))
                        .status())
                .isEqualTo(201);
        mail.stop();
        try {
            post("hr503-119", 1, 1);
            awaitRecordedAttempts(token, 1);

            clock.advance(Duration.ofDays(4));
            awaitRecordedAttempts(token, 2);
            assertThat(deliveries(token, "PENDING")).hasSize(1);

            clock.advance(Duration.ofDays(1));
            JsonNode givenUp = await().atMost(Duration.ofSeconds(30))
                    .until(() -> deliveries(token, "FAILED"), failed -> failed.size() == 1)
                    .get(0);
            assertThat(givenUp.get("lastError").asText())
                    .startsWith("email to mail-down@example.org was given up: it has failed every attempt since ");
            assertThat(deliveries(token, "PENDING")).isEmpty();
        } finally {
            mail = startMail();
        }

        JsonNode failed = deliveries(token, "FAILED").get(0);
        assertThat(api().as(token, "POST", "/api/deliveries/" + failed.get("id").asText() + "/redeliver", null)
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !mailsTo("mail-down@example.org").isEmpty());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> deliveries(token, "DELIVERED").size() == 1);
    }

    /** An endpoint at a path of the receiver, and a subscription to every new action on a bill, sent there. */
    private JsonNode followActions(String token, String billId, String path) {
        JsonNode endpoint = Alerting.endpoint(api(), token, path);
        Alerting.subscribe(
                api(),
                token,
                """
                {"follow": {"measure": "%s"}, "when": [{"on": "ACTION_RECORDED"}], "webhook": "%s"}
                """
                        .formatted(billId, endpoint.get("id").asText()));
        assertThat(api().post("/api/bills", Alerting.introduction(billId, "2026-03-01"))
                        .status())
                .isEqualTo(201);
        return endpoint;
    }

    /** Records the actions numbered {@code from} to {@code to}, each on its own day: one alert each. */
    private void post(String billId, int from, int to) {
        IntStream.rangeClosed(from, to).forEach(number -> assertThat(api().post(
                                "/api/bills/" + billId + "/actions",
                                """
                        {"action": {"date": "2026-03-%02d", "text": "Hearing %d",
                                    "source": "HOUSE_COMMITTEE"},
                         "source": "https://www.congress.gov/bill/119th-congress/house-bill/500/all-actions"}
                        """
                                        .formatted(number + 1, number))
                        .status())
                .isEqualTo(201));
    }

    private void awaitDecided(String token, String billId, int alerts) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api().as(token, "GET", "/api/alerts?measure=" + billId, null)
                                .body()
                                .size()
                        == alerts);
    }

    /**
     * Waits until the receiver has had this many requests and the tracker has recorded their answers: the clock may
     * only move on once the next attempt has been planned from the answer.
     */
    private void awaitAttempts(String token, String path, int attempts) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> RECEIVER.receivedAt(path).size() >= attempts);
        awaitRecordedAttempts(token, attempts);
    }

    /** Waits until the tracker has recorded this many attempts at the account's deliveries. */
    private void awaitRecordedAttempts(String token, int attempts) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveries(token, null).stream()
                                .mapToInt(delivery -> delivery.get("attempts").asInt())
                                .sum()
                        >= attempts);
    }

    /** When the tracker sent a request, by its own clock: the signed {@code webhook-timestamp}. */
    private static Instant sentAt(Received request) {
        return Instant.ofEpochSecond(Long.parseLong(request.timestamp()));
    }

    /** @param status only in this state, or null for any */
    private List<JsonNode> deliveries(String token, String status) {
        List<JsonNode> found = new ArrayList<>();
        api().as(token, "GET", "/api/deliveries" + (status == null ? "" : "?status=" + status), null)
                .body()
                .forEach(found::add);
        return found;
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(message -> {
                    try {
                        return message.getAllRecipients()[0].toString().equals(address);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static GreenMail startMail() {
        GreenMail started = new GreenMail(SMTP);
        started.start();
        return started;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
