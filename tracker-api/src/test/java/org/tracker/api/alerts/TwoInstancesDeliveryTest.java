package org.tracker.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tracker.api.alerts.Alerting.MAIL;
import static org.tracker.api.alerts.Alerting.RECEIVER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.tracker.api.Api;
import org.tracker.api.TestServers;
import org.tracker.api.TrackerApplication;
import org.tracker.api.alerts.WebhookReceiver.Answer;
import org.tracker.api.alerts.WebhookReceiver.Received;

/**
 * Two trackers share one PostgreSQL and one stream, and both dispatch. Whichever of them sends, an endpoint gets its
 * alerts one at a time and in the order they were decided, failures included, and each alert under one webhook-id.
 */
class TwoInstancesDeliveryTest {

    private static final String TOPIC = "tracker.events.two-instances";
    private static final String PATH = "/two";
    private static final int ACTIONS = 24;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoInstancesSendAnEndpointsAlertsOneAtATimeInOrderEachUnderOneId() throws Exception {
        String database = TestServers.newDatabase();
        ConfigurableApplicationContext first = start(database);
        ConfigurableApplicationContext second = null;
        try {
            second = start(database);
            // Facts go in through the first instance; both decide alerts from the stream and both send.
            Api recorder = api(first);
            String token = Alerting.account(recorder, "staffer-two", "owner-two@example.org");
            JsonNode endpoint = Alerting.endpoint(api(second), token, PATH);
            Alerting.subscribe(
                    recorder,
                    token,
                    """
                    {"follow": {"measure": "hr600-119"}, "when": [{"on": "ACTION_RECORDED"}], "webhook": "%s"}
                    """
                            .formatted(endpoint.get("id").asText()));
            assertThat(recorder.post("/api/bills", Alerting.introduction("hr600-119", "2026-03-01"))
                            .status())
                    .isEqualTo(201);
            // Slow enough for two senders to overlap if both ever sent to the endpoint at once, failing now and then
            // so that the endpoint is let go and claimed again, by either instance.
            RECEIVER.answerNext(
                    PATH,
                    IntStream.range(0, ACTIONS * 2)
                            .mapToObj(answer -> new Answer(answer % 4 == 3 ? 503 : 204, Map.of(), request -> pause()))
                            .toArray(Answer[]::new));

            for (int number = 1; number <= ACTIONS; number++) {
                Api.Response recorded = recorder.post(
                        "/api/bills/hr600-119/actions",
                        """
                                {"action": {"date": "2026-03-%02d", "text": "Hearing %d", "source": "HOUSE_COMMITTEE"},
                                 "source": "https://www.congress.gov/bill/119th-congress/house-bill/600/all-actions"}
                                """
                                .formatted(number + 1, number));
                assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
            }

            List<Received> delivered = await().atMost(Duration.ofSeconds(90))
                    .until(() -> RECEIVER.deliveredAt(PATH), all -> all.size() == ACTIONS);
            assertThat(delivered)
                    .extracting(Received::changedTo)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, ACTIONS)
                            .mapToObj(number -> "Hearing " + number)
                            .toList());
            Set<Integer> arrived = new HashSet<>();
            for (Received request : RECEIVER.receivedAt(PATH)) {
                int number = Integer.parseInt(request.changedTo().substring("Hearing ".length()));
                assertThat(arrived)
                        .as("hearing %d was sent only once every older alert had arrived", number)
                        .containsAll(IntStream.range(1, number).boxed().toList());
                if (request.delivered()) {
                    arrived.add(number);
                }
            }
            assertThat(RECEIVER.mostAtOnce(PATH))
                    .as("never two requests to the endpoint at once")
                    .isEqualTo(1);
            Map<String, Set<String>> idsOfAction = RECEIVER.receivedAt(PATH).stream()
                    .collect(Collectors.groupingBy(
                            Received::changedTo, Collectors.mapping(Received::id, Collectors.toSet())));
            assertThat(idsOfAction)
                    .hasSize(ACTIONS)
                    .allSatisfy((action, ids) -> assertThat(ids).as(action).hasSize(1));
        } finally {
            if (second != null) {
                second.close();
            }
            first.close();
        }
    }

    /** The receiver's own slowness, which gives two senders time to overlap; nothing waits here for a result. */
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Api api(ConfigurableApplicationContext tracker) {
        return new Api(((WebServerApplicationContext) tracker).getWebServer().getPort());
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
                        "--spring.kafka.consumer.group-id=projections-two-instances",
                        "--tracker.notify.group=notifier-two-instances",
                        "--tracker.topic=" + TOPIC,
                        "--tracker.seed=false",
                        "--tracker.api-token=" + TestServers.TOKEN,
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + MAIL.getSmtp().getPort(),
                        "--tracker.notify.allowed-webhook-networks=127.0.0.0/8",
                        "--tracker.notify.retry-schedule=300ms",
                        "--tracker.notify.lease=2s");
    }
}
