package org.tracker.api.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tracker.api.Api;
import org.tracker.api.TestServers;
import org.tracker.api.TopicReader;
import org.tracker.api.config.TrackerProperties;
import org.tracker.audit.cli.ParkedCommand;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillId;
import org.tracker.core.api.BillIntroduced;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.RecordBillAction;
import org.tracker.notify.parking.ParkingPolicy;
import org.tracker.notify.parking.StreamConsumer;

/**
 * No accepted fact halts the stream (ADR 10), on real servers: facts the broker or the consumers' database refuse are
 * parked per consumer with the later events of their measure, other measures flow on, and operators retry or discard
 * them. The facts go in through the command gateway, not the API, so that the test holds whatever the API's own
 * validation refuses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamParkingTest {

    /** Small enough that a fact of a few hundred kilobytes is too large for Kafka, as an 8 MiB one is in production. */
    private static final int PRODUCER_LIMIT = 256 * 1024;

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
        registry.add("spring.kafka.producer.properties.max.request.size", () -> String.valueOf(PRODUCER_LIMIT));
    }

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TrackerProperties properties;

    @Autowired
    ParkingPolicy policy;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listenToParking() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(ParkingPolicy.class)).addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(ParkingPolicy.class)).detachAppender(logged);
    }

    @Test
    void anEventTooLargeForTheBrokerIsParkedAndTheStreamGoesOn() {
        String huge = "A".repeat(PRODUCER_LIMIT + 10_000);
        introduce("hr8001-119", huge);
        introduce("hr8002-119", "A later measure");
        refer("hr8001-119", "2025-02-13");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(projected("hr8002-119")).isNotNull();
            assertThat(notified("hr8002-119")).isNotNull();
            assertThat(parked("projection", "hr8001-119")).hasSize(3);
            assertThat(parked("notifier", "hr8001-119")).hasSize(3);
        });
        for (String consumer : List.of("projection", "notifier")) {
            List<JsonNode> events = parked(consumer, "hr8001-119");
            assertThat(events.get(0).get("sequence").asLong()).isZero();
            assertThat(events.get(0).get("reason").asText())
                    .startsWith("too large for the broker")
                    .contains("max.request.size");
            // Held behind it in the same batch, or because it was already parked when a later batch came.
            assertThat(events.get(1).get("reason").asText()).startsWith("held");
        }
        assertThat(projected("hr8001-119")).isNull();
        assertThat(notified("hr8001-119")).isNull();
        ConsumerRecord<String, byte[]> standIn =
                TopicReader.readAll(TestServers.kafka().bootstrapServers(), properties.topic()).stream()
                        .filter(record -> "hr8001-119".equals(record.key()))
                        .findFirst()
                        .orElseThrow();
        assertThat(standIn.value()).isEmpty();
        assertThat(TopicReader.header(standIn, "tracker-unpublished")).contains("max.request.size");

        // The inspection shows the event from the store, since Kafka never carried it.
        long first = parked("projection", "hr8001-119").get(0).get("id").asLong();
        JsonNode inspected = api().as(TestServers.TOKEN, "GET", "/api/admin/parked/" + first, null)
                .body();
        assertThat(inspected.at("/event/title").asText()).isEqualTo(huge);

        Api.Response retried = api().as(TestServers.TOKEN, "POST", "/api/admin/parked/measures/hr8001-119/retry", null);

        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        assertThat(retried.body()).hasSize(6);
        retried.body().forEach(event -> {
            assertThat(event.get("resolution").asText()).isEqualTo("RETRIED");
            assertThat(event.get("resolvedBy").asText()).isNotBlank();
        });
        assertThat(projected("hr8001-119")).isEqualTo(2);
        assertThat(notified("hr8001-119")).isEqualTo(2);
        assertThat(api().get("/api/measures/hr8001-119").body().get("title").asText())
                .isEqualTo(huge);

        // The measure flows again.
        act("hr8001-119", "2025-03-01", "Reported by the Committee on Foreign Affairs.");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(projected("hr8001-119")).isGreaterThan(2);
            assertThat(notified("hr8001-119")).isGreaterThan(2);
        });
        assertThat(parked("projection", "hr8001-119")).isEmpty();
    }

    @Test
    void aFactThePostgresTablesCannotHoldIsParkedByBothConsumersAndShown() {
        introduce("hr8101-119", "Defense Partnership Act\u0000 of 2025");
        introduce("hr8102-119", "A later measure");
        refer("hr8101-119", "2025-02-13");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(projected("hr8102-119")).isNotNull();
            assertThat(notified("hr8102-119")).isNotNull();
            assertThat(parked("projection", "hr8101-119")).hasSize(3);
            assertThat(parked("notifier", "hr8101-119")).hasSize(3);
        });
        for (String consumer : List.of("projection", "notifier")) {
            JsonNode poison = parked(consumer, "hr8101-119").get(0);
            assertThat(poison.get("sequence").asLong()).isZero();
            assertThat(poison.get("reason").asText())
                    .doesNotStartWith("held")
                    .doesNotStartWith("too large")
                    .doesNotContain("\u0000");
        }
        assertThat(logged.list)
                .filteredOn(event -> event.getLevel() == Level.ERROR)
                .anySatisfy(event -> assertThat(keyValues(event))
                        .containsEntry("consumer", "projection")
                        .containsEntry("measure", "hr8101-119")
                        .containsEntry("sequence", 0L)
                        .containsKeys("eventId", "reason"))
                .anySatisfy(event -> assertThat(keyValues(event))
                        .containsEntry("consumer", "notifier")
                        .containsEntry("measure", "hr8101-119"));

        assertThat(metric("tracker.stream.parked", "projection")).isGreaterThanOrEqualTo(3);
        assertThat(metric("tracker.stream.parked", "notifier")).isGreaterThanOrEqualTo(3);
        assertThat(metric("tracker.stream.events.parked", "projection")).isGreaterThanOrEqualTo(3);
        JsonNode health =
                api().as(TestServers.TOKEN, "GET", "/actuator/health", null).body();
        assertThat(health.at("/components/parkedEvents/status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/components/parkedEvents/details/projection").asLong())
                .isGreaterThanOrEqualTo(3);
        Api.Response readiness = api().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().get("status").asText()).isEqualTo("UP");
        assertThat(api().get("/actuator/health/liveness").status()).isEqualTo(200);

        // The cause is in the fact itself, so a retry fails again and the events stay parked with the new failure.
        long poison = parked("projection", "hr8101-119").get(0).get("id").asLong();
        Api.Response retried = api().as(TestServers.TOKEN, "POST", "/api/admin/parked/" + poison + "/retry", null);
        assertThat(retried.status()).isEqualTo(409);
        assertThat(retried.contentType()).startsWith("application/problem+json");
        assertThat(retried.body().get("type").asText()).isEqualTo("/problems/retry-failed");
        assertThat(parked("projection", "hr8101-119")).hasSize(3);

        assertThat(api().as(TestServers.TOKEN, "POST", "/api/admin/parked/" + poison + "/discard", "{}")
                        .status())
                .isEqualTo(400);
        Api.Response discarded = api().as(
                        TestServers.TOKEN,
                        "POST",
                        "/api/admin/parked/" + poison + "/discard",
                        "{\"reason\": \"the title holds U+0000; corrected by a later fact\"}");
        assertThat(discarded.status()).as(discarded.body().toString()).isEqualTo(200);
        assertThat(discarded.body()).hasSize(3);
        assertThat(discarded.body().get(0).get("resolution").asText()).isEqualTo("DISCARDED");
        assertThat(discarded.body().get(0).get("resolvedBy").asText()).isNotBlank();
        assertThat(discarded.body().get(0).get("resolutionNote").asText()).contains("U+0000");
        assertThat(parked("projection", "hr8101-119")).isEmpty();
        assertThat(parked("notifier", "hr8101-119")).hasSize(3);
        assertThat(api().as(
                                TestServers.TOKEN,
                                "POST",
                                "/api/admin/parked/measures/hr8101-119/discard",
                                "{\"reason\": \"the same for alerts\"}")
                        .status())
                .isEqualTo(200);

        // Given up, the measure flows again in both consumers.
        act("hr8101-119", "2025-03-01", "Reported by the Committee on Foreign Affairs.");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(projected("hr8101-119")).isGreaterThanOrEqualTo(3);
            assertThat(notified("hr8101-119")).isGreaterThanOrEqualTo(3);
        });
        assertThat(parked("notifier", "hr8101-119")).isEmpty();
    }

    @Test
    void anOperatorRetryAfterTheCauseIsRemovedRefoldsTheMeasure() {
        // A constraint stands for a cause that lies outside the fact: a schema or code defect, later mended.
        jdbc.execute("alter table measure add constraint test_refuses_hr8201 check (measure_id <> 'hr8201-119')");
        jdbc.execute(
                "alter table notify_measure add constraint test_refuses_hr8201 check (measure_id <> 'hr8201-119')");
        try {
            introduce("hr8201-119", "A measure the tables refuse for now");
            refer("hr8201-119", "2025-02-13");
            introduce("hr8202-119", "A measure the tables take");
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(projected("hr8202-119")).isNotNull();
                assertThat(notified("hr8202-119")).isNotNull();
                assertThat(parked("projection", "hr8201-119")).hasSize(3);
                assertThat(parked("notifier", "hr8201-119")).hasSize(3);
            });
        } finally {
            jdbc.execute("alter table measure drop constraint test_refuses_hr8201");
            jdbc.execute("alter table notify_measure drop constraint test_refuses_hr8201");
        }

        long first = parked("projection", "hr8201-119").get(0).get("id").asLong();
        Api.Response retried = api().as(TestServers.TOKEN, "POST", "/api/admin/parked/" + first + "/retry", null);

        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        JsonNode measure = api().get("/api/measures/hr8201-119").body();
        assertThat(measure.get("status").asText()).isEqualTo("REFERRED");
        assertThat(projected("hr8201-119")).isEqualTo(2);
        assertThat(parked("projection", "hr8201-119")).isEmpty();
        assertThat(parked("notifier", "hr8201-119")).hasSize(3);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> environment =
                Map.of("TRACKER_API_TOKEN", TestServers.TOKEN, "TRACKER_URL", "http://localhost:" + port);
        int listed = ParkedCommand.run(
                List.of("list", "--measure=hr8201-119"),
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(listed).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("notifier\thr8201-119#0\tPARKED");

        int retriedByCommand = ParkedCommand.run(
                List.of("retry", "--measure=hr8201-119"),
                environment,
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                System.err);
        assertThat(retriedByCommand).isZero();
        assertThat(notified("hr8201-119")).isEqualTo(2);
        assertThat(parked("notifier", "hr8201-119")).isEmpty();
    }

    @Test
    void anOutageOfTheDatabaseParksNothingAndIsRetried() {
        introduce("hr8301-119", "A measure read during an outage");
        await().atMost(PATIENCE).until(() -> projected("hr8301-119") != null);
        List<ConsumerRecord<String, byte[]>> records =
                TopicReader.readAll(TestServers.kafka().bootstrapServers(), properties.topic()).stream()
                        .filter(record -> "hr8301-119".equals(record.key()))
                        .toList();

        assertThatThrownBy(() -> policy.process(StreamConsumer.PROJECTION, records, events -> {
                    throw new CannotGetJdbcConnectionException("the database is unreachable");
                }))
                .isInstanceOf(CannotGetJdbcConnectionException.class);
        assertThatThrownBy(() -> policy.process(StreamConsumer.NOTIFIER, records, events -> {
                    throw new QueryTimeoutException("the database did not answer in time");
                }))
                .isInstanceOf(QueryTimeoutException.class);

        assertThat(jdbc.queryForObject("select count(*) from parked_event where measure_id = 'hr8301-119'", Long.class))
                .isZero();
    }

    private Api api() {
        return new Api(port);
    }

    private static Provenance provenance() {
        return new Provenance(Instant.now(), Instant.now(), "test", "tester");
    }

    /**
     * Appends the introduction to the store as the aggregate would, but without the command: the edge refuses the
     * titles these tests need (too long, a NUL), and parking is the defence for what validation misses.
     */
    private void introduce(String billId, String title) {
        BillId id = BillId.parse(billId);
        eventStore.publish(new GenericDomainEventMessage<>(
                "Bill",
                billId,
                0,
                new BillIntroduced(
                        billId,
                        id.type(),
                        id.number(),
                        id.congress(),
                        title,
                        LocalDate.of(2025, 2, 12),
                        null,
                        provenance())));
    }

    /** Two events: the action, and the status it brings. */
    private void refer(String billId, String date) {
        act(billId, date, "Referred to the House Committee on Foreign Affairs.");
    }

    private void act(String billId, String date, String text) {
        commands.sendAndWait(new RecordBillAction(
                billId, new BillAction(LocalDate.parse(date), null, text, null, null, null, null, null), provenance()));
    }

    private Long projected(String measureId) {
        return jdbc
                .query("select last_sequence from measure where measure_id = ?", (rs, n) -> rs.getLong(1), measureId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private Long notified(String measureId) {
        return jdbc
                .query(
                        "select last_sequence from notify_measure where measure_id = ?",
                        (rs, n) -> rs.getLong(1),
                        measureId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private List<JsonNode> parked(String consumer, String measureId) {
        Api.Response response = api().as(
                        TestServers.TOKEN,
                        "GET",
                        "/api/admin/parked?consumer=" + consumer + "&measure=" + measureId,
                        null);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        response.body().forEach(events::add);
        return events;
    }

    private double metric(String name, String consumer) {
        return api().as(TestServers.TOKEN, "GET", "/actuator/metrics/" + name + "?tag=consumer:" + consumer, null)
                .body()
                .at("/measurements/0/value")
                .asDouble();
    }

    private static Map<String, Object> keyValues(ILoggingEvent event) {
        Map<String, Object> pairs = new HashMap<>();
        if (event.getKeyValuePairs() != null) {
            event.getKeyValuePairs().forEach(pair -> pairs.put(pair.key, pair.value));
        }
        return pairs;
    }
}
