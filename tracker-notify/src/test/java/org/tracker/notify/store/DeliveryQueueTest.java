package org.tracker.notify.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.tracker.core.measure.MeasureRow;
import org.tracker.infra.EmbeddedPostgresServer;
import org.tracker.notify.rule.Alert;
import org.tracker.notify.rule.Change;
import org.tracker.notify.rule.Condition;
import org.tracker.notify.rule.Follow;
import org.tracker.notify.rule.Schedule;
import org.tracker.notify.rule.Settlement.Delivered;
import org.tracker.notify.rule.Settlement.GiveUp;
import org.tracker.notify.rule.Settlement.Retry;
import org.tracker.notify.rule.Subscription;
import org.tracker.notify.rule.Trigger;
import org.tracker.notify.send.WebhookBody;
import org.tracker.notify.store.Attempt.Outcome;
import org.tracker.notify.store.Delivery.Channel;
import org.tracker.notify.store.Delivery.Status;
import org.tracker.notify.store.Outbox.Decided;

/**
 * The delivery queue on a real PostgreSQL, migrated as the tracker migrates it, shared by the dispatchers of two
 * instances: each has its own connection, as each instance has its own pool.
 */
class DeliveryQueueTest {

    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final String BILL = "hr7645-119";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static EmbeddedPostgresServer postgres;

    private final List<SingleConnectionDataSource> connections = new ArrayList<>();
    private NamedParameterJdbcTemplate jdbc;
    private Outbox outbox;
    private DeliveryLog deliveryLog;
    private EndpointStore endpoints;
    private DeliveryQueue queue;
    private DeliveryQueue otherInstance;
    private TransactionTemplate transaction;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgresServer.start(
                Files.createTempDirectory("notify-queue-pg").resolve("postgres"),
                0,
                Path.of(System.getProperty("java.io.tmpdir"), "tracker-pg-bin"));
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @BeforeEach
    void newDatabase() throws SQLException {
        String database = "notify_queue_test_" + DATABASES.incrementAndGet();
        postgres.createDatabaseIfMissing(database);
        SingleConnectionDataSource one = connection(database);
        jdbc = new NamedParameterJdbcTemplate(one);
        NotifyJson json = new NotifyJson(new Jackson2ObjectMapperBuilder());
        outbox = new Outbox(jdbc, json, new WebhookBody("https://tracker.example.org"));
        deliveryLog = new DeliveryLog(jdbc);
        endpoints = new EndpointStore(jdbc.getJdbcTemplate(), json);
        queue = new DeliveryQueue(jdbc);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(one));
        otherInstance = new DeliveryQueue(new NamedParameterJdbcTemplate(connection(database)));
    }

    @AfterEach
    void closeConnections() {
        connections.forEach(SingleConnectionDataSource::destroy);
    }

    @Test
    void aDestinationsDeliveriesWaitInTheOrderTheyWereDecidedAndARedeliveryTakesItsOwnPlace() {
        migrate(null);
        Subscription subscription = subscription("staff-a", null, endpoint("staff-a"));
        List<UUID> decidedTogether = record(subscription, 1, 2, T0);
        UUID first = decidedTogether.get(0);
        UUID second = decidedTogether.get(1);
        UUID third = record(subscription, 3, 3, T0).get(0);

        Destination held = one(queue.claim(T0, 8, LEASE));
        assertThat(alerts(queue.waitingFor(held, 10))).containsExactly(first, second, third);
        Delivery delivered = queue.waitingFor(held, 1).get(0);
        queue.settle(held, attempt(delivered, T0, Outcome.DELIVERED), new Delivered(T0), T0.plus(LEASE));

        assertThat(alerts(queue.waitingFor(held, 10))).containsExactly(second, third);
        assertThat(queue.redeliver(delivered.id(), "staff-a", T0)).isTrue();
        assertThat(alerts(queue.waitingFor(held, 10))).containsExactly(first, second, third);
    }

    @Test
    void aDestinationHeldByOneInstanceIsNotClaimedByAnotherUntilItsLeaseRunsOut() {
        migrate(null);
        record(subscription("staff-a", null, endpoint("staff-a")), 1, 2, T0);

        Destination held = one(queue.claim(T0, 8, LEASE));
        assertThat(otherInstance.claim(T0.plusSeconds(59), 8, LEASE)).isEmpty();
        Destination takenOver = one(otherInstance.claim(T0.plus(LEASE).plusMillis(1), 8, LEASE));
        assertThat(takenOver.lease()).isNotEqualTo(held.lease());

        Delivery oldest = queue.waitingFor(held, 1).get(0);
        assertThat(queue.settle(held, attempt(oldest, T0, Outcome.DELIVERED), new Delivered(T0), T0.plus(LEASE))
                        .stillHeld())
                .as("a dispatcher whose lease ran out learns that it lost the destination, and stops")
                .isFalse();
        Delivery next = otherInstance.waitingFor(takenOver, 1).get(0);
        assertThat(next.alertId()).isNotEqualTo(oldest.alertId());
        assertThat(otherInstance
                        .settle(takenOver, attempt(next, T0, Outcome.DELIVERED), new Delivered(T0), T0.plus(LEASE))
                        .stillHeld())
                .isTrue();
    }

    /** Two instances claiming at the same moment: the second skips what the first is claiming, without waiting. */
    @Test
    void aDestinationBeingClaimedIsSkippedByAnotherInstanceNotWaitedFor() {
        migrate(null);
        record(subscription("staff-a", null, endpoint("staff-a")), 1, 1, T0);
        record(subscription("staff-b", null, endpoint("staff-b")), 2, 2, T0);

        List<Destination> claimedByOther = new ArrayList<>();
        List<Destination> claimed = transaction.execute(status -> {
            List<Destination> mine = queue.claim(T0, 1, LEASE);
            claimedByOther.addAll(
                    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> otherInstance.claim(T0, 8, LEASE)));
            return mine;
        });

        assertThat(claimed).hasSize(1);
        assertThat(claimedByOther).hasSize(1).doesNotContainAnyElementsOf(claimed);
        assertThat(otherInstance.claim(T0, 8, LEASE)).isEmpty();
    }

    @Test
    void aFailingDestinationHoldsBackAllItsDeliveriesUntilItIsTriedAgainWithTheOldest() {
        migrate(null);
        UUID endpoint = endpoint("staff-a");
        List<UUID> alerts = record(subscription("staff-a", null, endpoint), 1, 3, T0);
        Destination held = one(queue.claim(T0, 8, LEASE));
        Delivery oldest = queue.waitingFor(held, 1).get(0);
        Instant retry = T0.plusSeconds(30);

        queue.settle(held, attempt(oldest, T0, Outcome.FAILED), new Retry(retry), T0.plus(LEASE));

        assertThat(queue.claim(retry.minusMillis(1), 8, LEASE)).isEmpty();
        assertThat(queue.nextDue()).hasValue(retry);
        assertThat(deliveryLog.deliveries("staff-a", null, Status.PENDING, 10))
                .hasSize(3)
                .allSatisfy(waiting -> assertThat(waiting.nextAttemptAt()).isEqualTo(retry));
        assertThat(endpoints.find(endpoint).orElseThrow().failingSince()).isEqualTo(T0);
        Destination again = one(queue.claim(retry, 8, LEASE));
        assertThat(again.failingSince()).isEqualTo(T0);
        assertThat(again.failures()).isEqualTo(1);
        assertThat(alerts(queue.waitingFor(again, 10))).containsExactlyElementsOf(alerts);

        Delivery same = queue.waitingFor(again, 1).get(0);
        queue.settle(again, attempt(same, retry, Outcome.DELIVERED), new Delivered(retry), retry.plus(LEASE));
        assertThat(endpoints.find(endpoint).orElseThrow().failingSince()).isNull();
    }

    @Test
    void givingUpFailsEveryDeliveryWaitingWithTheReasonAndEachCanBeRedelivered() {
        migrate(null);
        UUID endpoint = endpoint("staff-a");
        record(subscription("staff-a", null, endpoint), 1, 3, T0);
        Destination held = one(queue.claim(T0, 8, LEASE));
        queue.settle(
                held,
                attempt(queue.waitingFor(held, 1).get(0), T0, Outcome.FAILED),
                new Retry(T0.plusSeconds(5)),
                T0.plus(LEASE));
        Instant fiveDaysOn = T0.plus(Duration.ofDays(5));
        held = one(queue.claim(fiveDaysOn, 8, LEASE));
        String reason = "the webhook endpoint was disabled: it has failed every attempt since " + T0;

        DeliveryQueue.Settled settled = queue.settle(
                held,
                attempt(queue.waitingFor(held, 1).get(0), fiveDaysOn, Outcome.FAILED),
                new GiveUp(reason),
                fiveDaysOn.plus(LEASE));

        assertThat(settled.givenUpFor()).containsExactly("staff-a");
        List<Delivery> failed = deliveryLog.deliveries("staff-a", null, Status.FAILED, 10);
        assertThat(failed).hasSize(3).allSatisfy(delivery -> assertThat(delivery.lastError())
                .isEqualTo(reason));
        assertThat(failed).extracting(Delivery::attempts).containsExactlyInAnyOrder(2, 0, 0);
        assertThat(queue.waiting()).isZero();
        assertThat(endpoints.find(endpoint).orElseThrow().failingSince())
                .as("the run of failures is over with the deliveries it held back")
                .isNull();

        Delivery redelivered = failed.get(1);
        assertThat(queue.redeliver(redelivered.id(), "staff-a", fiveDaysOn)).isTrue();
        Destination again = one(queue.claim(fiveDaysOn, 8, LEASE));
        assertThat(queue.waitingFor(again, 10)).extracting(Delivery::id).containsExactly(redelivered.id());
    }

    @Test
    void deliveriesThatArrivedOneAfterTheOtherAreRecordedTogether() {
        migrate(null);
        record(subscription("staff-a", null, endpoint("staff-a")), 1, 3, T0);
        Destination held = one(queue.claim(T0, 8, LEASE));
        List<Delivery> sent = queue.waitingFor(held, 2);

        boolean stillHeld = queue.delivered(
                held,
                sent.stream()
                        .map(delivery -> new DeliveryQueue.Arrived(attempt(delivery, T0, Outcome.DELIVERED), T0))
                        .toList(),
                T0.plus(LEASE));

        assertThat(stillHeld).isTrue();
        assertThat(deliveryLog.deliveries("staff-a", null, Status.DELIVERED, 10))
                .extracting(Delivery::id)
                .containsExactlyInAnyOrderElementsOf(
                        sent.stream().map(Delivery::id).toList());
        assertThat(sent).allSatisfy(delivery -> assertThat(deliveryLog.attempts(delivery.id()))
                .extracting(Attempt::outcome)
                .containsExactly(Outcome.DELIVERED));
        assertThat(queue.waitingFor(held, 10)).hasSize(1);
    }

    @Test
    void aTurnGoesOnWhileADeliveryWaitsAndEndsWhenNoneDoes() {
        migrate(null);
        Subscription subscription = subscription("staff-a", null, endpoint("staff-a"));
        record(subscription, 1, 1, T0);
        Destination held = one(queue.claim(T0, 8, LEASE));

        assertThat(queue.releaseUnlessWaiting(held, T0)).isTrue();
        Delivery only = queue.waitingFor(held, 1).get(0);
        queue.settle(held, attempt(only, T0, Outcome.DELIVERED), new Delivered(T0), T0.plus(LEASE));
        assertThat(queue.releaseUnlessWaiting(held, T0)).isFalse();

        record(subscription, 2, 2, T0);
        assertThat(otherInstance.claim(T0, 8, LEASE)).hasSize(1);
        assertThat(queue.releaseUnlessWaiting(held, T0))
                .as("no longer held: the turn is over")
                .isFalse();
    }

    @Test
    void deliveriesToAnEndpointThatCannotBeTriedAreRefusedEachWithAnAttemptThatSaysWhy() {
        migrate(null);
        record(subscription("staff-a", null, endpoint("staff-a")), 1, 2, T0);
        Destination held = one(queue.claim(T0, 8, LEASE));

        queue.refuseWaiting(held, T0, "the webhook endpoint is disabled: the receiver answered 410 Gone");

        List<Delivery> failed = deliveryLog.deliveries("staff-a", null, Status.FAILED, 10);
        assertThat(failed).hasSize(2);
        for (Delivery delivery : failed) {
            assertThat(deliveryLog.attempts(delivery.id())).singleElement().satisfies(refused -> {
                assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
                assertThat(refused.error()).contains("410 Gone");
            });
        }
        assertThat(queue.claim(T0, 8, LEASE)).isEmpty();
    }

    /**
     * Deliveries still waiting when the tracker is upgraded keep the order they were decided in, and stop waiting
     * out the hours-long pauses they had been given; an endpoint's run of failures carries over.
     */
    @Test
    void deliveriesWaitingAtTheUpgradeKeepTheirOrderAndAreDueAtOnce() {
        migrate("26");
        UUID endpoint = UUID.randomUUID();
        Instant failingSince = Instant.now().minus(Duration.ofHours(20)).truncatedTo(ChronoUnit.MILLIS);
        jdbc.getJdbcTemplate()
                .update(
                        "insert into notify_webhook_endpoint (id, account, url, secrets, failing_since, created_at)"
                                + " values (?, 'staff-o', 'https://hooks.example.org/o', '[]', ?, ?)",
                        endpoint,
                        Timestamp.from(failingSince),
                        Timestamp.from(T0));
        UUID older = UUID.fromString("ffffffff-0000-0000-0000-000000000000");
        UUID newer = UUID.fromString("00000000-0000-0000-0000-000000000001");
        Instant inTenHours = Instant.now().plus(Duration.ofHours(10));
        for (UUID id : List.of(newer, older)) {
            jdbc.getJdbcTemplate()
                    .update(
                            "insert into notify_delivery (id, subscription_id, account, channel, target, event_type,"
                                    + " payload, status, attempts, next_attempt_at, created_at) values (?, ?,"
                                    + " 'staff-o', 'WEBHOOK', ?, 'measure.fact_recorded', '{}', 'PENDING', 6, ?, ?)",
                            id,
                            UUID.randomUUID(),
                            endpoint.toString(),
                            Timestamp.from(inTenHours),
                            Timestamp.from(id.equals(older) ? T0 : T0.plusSeconds(1)));
        }
        jdbc.getJdbcTemplate()
                .update(
                        "insert into notify_delivery (id, subscription_id, account, channel, target, event_type,"
                                + " payload, status, created_at) values (?, ?, 'staff-o', 'EMAIL', 'o@example.org',"
                                + " 'digest', '{}', 'DELIVERED', ?)",
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        Timestamp.from(T0));

        migrate(null);

        Destination held = one(queue.claim(Instant.now(), 8, LEASE));
        assertThat(held.channel()).isEqualTo(Channel.WEBHOOK);
        assertThat(held.failingSince()).isEqualTo(failingSince);
        assertThat(queue.waitingFor(held, 10)).extracting(Delivery::id).containsExactly(older, newer);
        assertThat(jdbc.getJdbcTemplate()
                        .queryForObject(
                                "select failing_since is null from notify_destination where channel = 'EMAIL'",
                                Boolean.class))
                .as("every target is a destination, so that any delivery can be redelivered")
                .isTrue();
    }

    private SingleConnectionDataSource connection(String database) {
        SingleConnectionDataSource connection = new SingleConnectionDataSource(
                postgres.jdbcUrl(database), postgres.username(), postgres.password(), true);
        connections.add(connection);
        return connection;
    }

    private void migrate(String target) {
        Flyway.configure()
                .dataSource(connections.get(0))
                .locations("classpath:db/migration")
                .target(target == null ? "latest" : target)
                .load()
                .migrate();
    }

    private UUID endpoint(String account) {
        UUID id = UUID.randomUUID();
        endpoints.create(new WebhookEndpoint(
                id,
                account,
                "https://hooks.example.org/" + account,
                null,
                List.of(new WebhookEndpoint.Secret("whsec_c2VjcmV0", null)),
                null,
                null,
                null,
                T0));
        return id;
    }

    private static Subscription subscription(String account, String email, UUID webhook) {
        return new Subscription(
                UUID.randomUUID(),
                account,
                "H.R. 7645",
                new Follow(BILL, null, null, null),
                List.of(new Condition(Trigger.ANY_FACT, null, null)),
                Schedule.REALTIME,
                email,
                webhook,
                false,
                T0);
    }

    /** Records, in one transaction as the notifier does, the alerts of the events numbered {@code from} to {@code to}. */
    private List<UUID> record(Subscription subscription, int from, int to, Instant now) {
        List<Decided> decided = new ArrayList<>();
        for (int sequence = from; sequence <= to; sequence++) {
            Change change = change(sequence, now);
            MeasureRow measure = new MeasureRow(BILL);
            measure.kind = "BILL";
            measure.title = "Ceasefire Compliance Act";
            measure.status = "REFERRED";
            decided.add(Decided.of(
                    Alert.of(subscription, List.of(change)),
                    measure,
                    new Cause(change.eventId(), BILL, (long) sequence, "BillActionRecorded", now, now)));
        }
        transaction.executeWithoutResult(status -> outbox.record(decided, now));
        return decided.stream().map(one -> one.alert().id()).toList();
    }

    private static Change change(int sequence, Instant now) {
        return new Change(
                Trigger.ANY_FACT,
                BILL,
                "New action " + sequence,
                null,
                null,
                LocalDate.of(2026, 3, 2),
                now,
                "https://www.congress.gov/bill/119th-congress/house-bill/7645/all-actions",
                "event-" + sequence,
                null);
    }

    private static Destination one(List<Destination> claimed) {
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    private static List<UUID> alerts(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::alertId).toList();
    }

    private static Attempt attempt(Delivery delivery, Instant at, Outcome outcome) {
        return new Attempt(
                delivery.id(),
                at,
                delivery.channel(),
                delivery.target(),
                outcome,
                outcome == Outcome.DELIVERED ? 204 : 503,
                40,
                outcome == Outcome.DELIVERED ? null : "the receiver answered HTTP 503");
    }
}
