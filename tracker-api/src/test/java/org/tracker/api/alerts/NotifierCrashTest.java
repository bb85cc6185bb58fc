package org.tracker.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tracker.api.alerts.Alerting.MAIL;
import static org.tracker.api.alerts.Alerting.RECEIVER;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tracker.api.Api;
import org.tracker.api.TestServers;
import org.tracker.api.TrackerApplication;
import org.tracker.api.alerts.WebhookReceiver.Answer;
import org.tracker.api.alerts.WebhookReceiver.Received;

/**
 * The notifier is stopped after a receiver got an alert and before the notifier recorded that it did. Started
 * again, it sends that alert once more with the same webhook-id, and every other alert once.
 */
class NotifierCrashTest {

    static final String TOPIC = "tracker.events.crash";

    @Test
    void aNotifierStoppedBetweenSendingAndRecordingRepeatsOnlyThatAlertWithItsId() throws Exception {
        String database = TestServers.newDatabase();
        ConfigurableApplicationContext tracker = start(database);
        CountDownLatch sent = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        try {
            Api api = api(tracker);
            String token = Alerting.account(api, "staffer-k", "owner-k@example.org");
            JsonNode endpoint = Alerting.endpoint(api, token, "/k");
            Alerting.subscribe(
                    api,
                    token,
                    """
                    {"follow": {"kind": "BILL"}, "when": [{"on": "STATUS_CHANGED"}], "webhook": "%s"}
                    """
                            .formatted(endpoint.get("id").asText()));
            RECEIVER.answerNext("/k", new Answer(200, Map.of(), request -> {
                sent.countDown();
                awaitQuietly(answer);
            }));

            assertThat(api.post("/api/bills", Alerting.introduction("hr400-119", "2026-04-01"))
                            .status())
                    .isEqualTo(201);
            assertThat(sent.await(30, TimeUnit.SECONDS))
                    .as("the receiver got the alert")
                    .isTrue();
            tracker.close();
            answer.countDown();

            tracker = start(database);
            api = api(tracker);
            assertThat(api.post("/api/bills", Alerting.introduction("hr401-119", "2026-04-02"))
                            .status())
                    .isEqualTo(201);
            assertThat(api.post("/api/bills", Alerting.introduction("hr402-119", "2026-04-03"))
                            .status())
                    .isEqualTo(201);

            JdbcTemplate jdbc = tracker.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> jdbc.queryForObject(
                                    "select count(*) from notify_delivery where status = 'DELIVERED'", Integer.class),
                            delivered -> delivered == 3);
            Map<String, Long> timesReceived = RECEIVER.receivedAt("/k").stream()
                    .collect(Collectors.groupingBy(Received::id, Collectors.counting()));
            assertThat(timesReceived).hasSize(3);
            assertThat(timesReceived.values()).containsExactlyInAnyOrder(2L, 1L, 1L);
            List<String> bills = RECEIVER.receivedAt("/k").stream()
                    .map(request -> request.body().replaceAll(".*\"id\":\"(hr40\\d-119)\".*", "$1"))
                    .distinct()
                    .toList();
            assertThat(bills).containsExactlyInAnyOrder("hr400-119", "hr401-119", "hr402-119");
        } finally {
            answer.countDown();
            tracker.close();
        }
    }

    private static Api api(ConfigurableApplicationContext tracker) {
        return new Api(((WebServerApplicationContext) tracker).getWebServer().getPort());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(TrackerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestServers.postgres().jdbcUrl(database),
                        "--spring.datasource.username=" + TestServers.postgres().username(),
                        "--spring.datasource.password=" + TestServers.postgres().password(),
                        "--spring.kafka.bootstrap-servers="
                                + TestServers.kafka().bootstrapServers(),
                        "--spring.kafka.consumer.group-id=projections-crash",
                        "--tracker.notify.group=notifier-crash",
                        "--tracker.topic=" + TOPIC,
                        "--tracker.seed=false",
                        "--tracker.api-token=" + TestServers.TOKEN,
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + MAIL.getSmtp().getPort(),
                        "--tracker.notify.allowed-webhook-networks=127.0.0.0/8",
                        "--tracker.notify.lease=2s");
    }
}
