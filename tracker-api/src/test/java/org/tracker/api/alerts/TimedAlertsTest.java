package org.tracker.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tracker.api.alerts.Alerting.MAIL;
import static org.tracker.api.alerts.Alerting.RECEIVER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
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
import org.tracker.api.alerts.WebhookReceiver.Received;
import org.tracker.core.api.CongressTime;

/** Alerts that time makes: a review window closing while nothing else happens, and a day's digest. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TimedAlertsTest.Clockwork.class)
class TimedAlertsTest {

    private static final ZoneId WASHINGTON = CongressTime.ZONE;
    private static final ObjectMapper JSON = new ObjectMapper();

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
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    Api api() {
        return new Api(port);
    }

    @Test
    void aReviewWindowAlertsAsItClosesAndOnceItHasClosedThoughNothingElseHappens() throws Exception {
        String token = Alerting.account(api(), "staffer-t", "owner-t@example.org");
        JsonNode endpoint = Alerting.endpoint(api(), token, "/t");
        Alerting.subscribe(
                api(),
                token,
                """
                {"follow": {"kind": "ARMS_SALE"},
                 "when": [{"on": "DEADLINE_APPROACHING", "withinDays": 2}, {"on": "DEADLINE_PASSED"}],
                 "webhook": "%s"}
                """
                        .formatted(endpoint.get("id").asText()));
        LocalDate notifiedOn = clock.instant().atZone(WASHINGTON).toLocalDate();
        Api.Response notified = api().post(
                        "/api/arms-sales",
                        """
                {"armsSaleId": "armssale-26-90", "transmittalNumber": "26-90", "recipient": "Israel",
                 "articles": "Joint Direct Attack Munition guidance kits", "valueUsd": 510000000,
                 "notifiedOn": "%s", "source": "https://www.dsca.mil/press-media/major-arms-sales"}
                """
                                .formatted(notifiedOn));
        assertThat(notified.status()).as(notified.body().toString()).isEqualTo(201);
        LocalDate closes = LocalDate.parse(await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api().get("/api/measures/armssale-26-90").body().at("/nextDeadline/date"),
                        JsonNode::isTextual)
                .asText());

        clock.advance(Duration.between(
                clock.instant(), closes.minusDays(2).atStartOfDay(WASHINGTON).plusHours(9)));
        JsonNode approaching = webhookOfType("/t", "measure.deadline_approaching");
        assertThat(approaching.at("/data/change/daysLeft").asInt()).isEqualTo(2);
        assertThat(approaching.at("/data/change/summary").asText()).contains("review closes on " + closes);

        clock.advance(Duration.ofDays(3));
        JsonNode passed = webhookOfType("/t", "measure.deadline_passed");
        assertThat(passed.at("/data/measure/id").asText()).isEqualTo("armssale-26-90");
        assertThat(passed.at("/data/change/on").asText()).isEqualTo(closes.toString());

        clock.advance(Duration.ofDays(1));
        api().post("/api/bills", Alerting.introduction("hr300-119", "2026-03-02"));
        await().atMost(Duration.ofSeconds(10)).until(() -> measureKnown("hr300-119"));
        assertThat(RECEIVER.receivedAt("/t"))
                .as("each deadline alerts once, however many ticks pass")
                .hasSize(2);
    }

    @Test
    void aDailyDigestGathersTheDaysChangesIntoOneEmail() throws Exception {
        String token = Alerting.account(api(), "staffer-u", "owner-u@example.org");
        Alerting.subscribe(
                api(),
                token,
                """
                {"name": "Ceasefire Compliance Act, daily", "follow": {"measure": "hr301-119"},
                 "when": [{"on": "ANY_FACT"}], "email": "digest-u@example.org",
                 "schedule": {"cadence": "DAILY", "at": "08:00", "timeZone": "America/New_York"}}
                """);
        api().post("/api/bills", Alerting.introduction("hr301-119", "2026-03-02"));
        api().post("/api/bills/hr301-119/actions", Alerting.referral("2026-03-02"));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api().as(token, "GET", "/api/alerts?measure=hr301-119", null)
                                .body(),
                        alerts -> alerts.size() == 3);
        assertThat(mailsTo("digest-u@example.org"))
                .as("a digest waits for its hour")
                .isEmpty();

        ZonedDateTime now = clock.instant().atZone(WASHINGTON);
        ZonedDateTime eight = now.with(LocalTime.of(8, 0));
        clock.advance(Duration.between(now, eight.isAfter(now) ? eight : eight.plusDays(1))
                .plusMinutes(1));

        MimeMessage digest = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("digest-u@example.org"), mails -> !mails.isEmpty())
                .get(0);
        assertThat(digest.getSubject()).isEqualTo("[tracker] 3 changes for Ceasefire Compliance Act, daily");
        String text = GreenMailUtil.getBody(digest);
        assertThat(text)
                .contains(
                        "Status is INTRODUCED",
                        "New action on 2026-03-02",
                        "Status changed from INTRODUCED to REFERRED");
        clock.advance(Duration.ofMinutes(5));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> mailsTo("digest-u@example.org").size() == 1);
    }

    private JsonNode webhookOfType(String path, String type) {
        Received received = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> RECEIVER.receivedAt(path).stream()
                                .filter(request -> request.body().contains("\"" + type + "\""))
                                .toList(),
                        list -> !list.isEmpty())
                .get(0);
        try {
            return JSON.readTree(received.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean measureKnown(String id) {
        return api().get("/api/measures/" + id).status() == 200;
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(mail -> {
                    try {
                        return mail.getAllRecipients()[0].toString().equals(address);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
