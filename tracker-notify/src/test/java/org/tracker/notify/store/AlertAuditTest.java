package org.tracker.notify.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.tracker.core.measure.MeasureRow;
import org.tracker.infra.EmbeddedPostgresServer;
import org.tracker.notify.rule.Alert;
import org.tracker.notify.rule.Cadence;
import org.tracker.notify.rule.Change;
import org.tracker.notify.rule.Condition;
import org.tracker.notify.rule.Follow;
import org.tracker.notify.rule.Schedule;
import org.tracker.notify.rule.Settlement;
import org.tracker.notify.rule.Subscription;
import org.tracker.notify.rule.Trigger;
import org.tracker.notify.send.WebhookBody;
import org.tracker.notify.store.AlertQuery.Position;
import org.tracker.notify.store.Attempt.Outcome;
import org.tracker.notify.store.AuditedAlert.Sent;
import org.tracker.notify.store.Delivery.Channel;
import org.tracker.notify.store.Outbox.Decided;

/** The alert audit read from a real PostgreSQL, migrated as the tracker migrates it, with the outbox writing. */
class AlertAuditTest {

    private static final Instant CREATED = Instant.parse("2026-01-05T00:00:00Z");
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final Instant T1 = Instant.parse("2026-03-03T15:00:00Z");
    private static final String BILL = "hr7645-119";
    private static final String OTHER_BILL = "hr1229-119";
    private static final String URL = "https://hooks.example.org/tracker";
    private static final Condition INTO_COMMITTEE = new Condition(Trigger.STATUS_CHANGED, Set.of("REFERRED"), null);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static EmbeddedPostgresServer postgres;

    private SingleConnectionDataSource dataSource;
    private NamedParameterJdbcTemplate jdbc;
    private Outbox outbox;
    private DeliveryQueue queue;
    private DeliveryLog deliveryLog;
    private EndpointStore endpoints;
    private AlertAudit audit;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgresServer.start(
                Files.createTempDirectory("notify-test-pg").resolve("postgres"),
                0,
                Path.of(System.getProperty("java.io.tmpdir"), "tracker-pg-bin"));
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @BeforeEach
    void newDatabase() throws SQLException {
        String database = "notify_test_" + DATABASES.incrementAndGet();
        postgres.createDatabaseIfMissing(database);
        dataSource = new SingleConnectionDataSource(
                postgres.jdbcUrl(database), postgres.username(), postgres.password(), true);
        jdbc = new NamedParameterJdbcTemplate(dataSource);
        NotifyJson json = new NotifyJson(new Jackson2ObjectMapperBuilder());
        outbox = new Outbox(jdbc, json, new WebhookBody("https://tracker.example.org"));
        queue = new DeliveryQueue(jdbc);
        deliveryLog = new DeliveryLog(jdbc);
        endpoints = new EndpointStore(jdbc.getJdbcTemplate(), json);
        audit = new AlertAudit(jdbc, json);
    }

    @Test
    void anAlertAnswersWhichEventAndConditionCausedItWhatWasSentToWhomAndEveryAttempt() {
        migrate(null);
        UUID endpoint = endpoint("staff-a");
        Subscription subscription = subscription("staff-a", "staff-a@example.org", endpoint, Schedule.REALTIME);
        Cause cause = new Cause(
                "event-7", BILL, 3L, "BillStatusChanged", Instant.parse("2026-03-02T05:00:00Z"), T0.minusSeconds(1));
        record(subscription, BILL, cause, T0);
        Delivery webhook = delivery("staff-a", Channel.WEBHOOK);
        Delivery email = delivery("staff-a", Channel.EMAIL);
        List<Destination> claimed = queue.claim(T0, 10, Duration.ofMinutes(1));
        queue.settle(
                held(claimed, Channel.WEBHOOK),
                attempt(webhook, T0, Outcome.FAILED, 500, "the receiver answered 500"),
                new Settlement.Retry(T0.plusSeconds(5)),
                T0.plusSeconds(60));
        queue.settle(
                held(queue.claim(T0.plusSeconds(5), 10, Duration.ofMinutes(1)), Channel.WEBHOOK),
                attempt(webhook, T0.plusSeconds(5), Outcome.DELIVERED, 204, null),
                new Settlement.Delivered(T0.plusSeconds(5)),
                T0.plusSeconds(65));
        queue.settle(
                held(claimed, Channel.EMAIL),
                attempt(email, T0, Outcome.DELIVERED, 250, null),
                new Settlement.Delivered(T0),
                T0.plusSeconds(60));
        endpoints.delete(endpoint, "staff-a");

        AuditedAlert alert = one(query(null, BILL, null, null, null, 10));

        assertThat(alert.account()).isEqualTo("staff-a");
        assertThat(alert.measureId()).isEqualTo(BILL);
        assertThat(alert.decidedAt()).isEqualTo(T0);
        assertThat(alert.cause()).isEqualTo(cause);
        assertThat(alert.trigger()).isEqualTo(Trigger.STATUS_CHANGED);
        assertThat(alert.matched()).containsExactly(INTO_COMMITTEE);
        assertThat(alert.subscription().get("email").asText()).isEqualTo("staff-a@example.org");
        assertThat(alert.message().at("/change/from").asText()).isEqualTo("INTRODUCED");
        assertThat(alert.message().at("/change/to").asText()).isEqualTo("REFERRED");
        assertThat(alert.deliveries()).extracting(Sent::channel).containsExactly(Channel.EMAIL, Channel.WEBHOOK);
        Sent sentByEmail = alert.deliveries().get(0);
        assertThat(sentByEmail.recipient()).isEqualTo("staff-a@example.org");
        assertThat(sentByEmail.attempts()).extracting(Attempt::statusCode).containsExactly(250);
        Sent posted = alert.deliveries().get(1);
        assertThat(posted.recipient()).as("the URL outlives its endpoint").isEqualTo(URL);
        assertThat(posted.endpoint()).isEqualTo(endpoint);
        assertThat(posted.digest()).isFalse();
        assertThat(posted.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(posted.attempts()).extracting(Attempt::outcome).containsExactly(Outcome.FAILED, Outcome.DELIVERED);
        assertThat(posted.attempts()).extracting(Attempt::statusCode).containsExactly(500, 204);
        assertThat(posted.attempts()).extracting(Attempt::error).containsExactly("the receiver answered 500", null);
    }

    @Test
    void filtersByAccountMeasureAndAHalfOpenRangeOfDecisionTimes() {
        migrate(null);
        UUID a = record(subscription("staff-a", "a@example.org", null, Schedule.REALTIME), BILL, cause(1), T0);
        UUID b = record(subscription("staff-b", "b@example.org", null, Schedule.REALTIME), BILL, cause(1), T0);
        UUID later = record(subscription("staff-a", "a@example.org", null, Schedule.REALTIME), OTHER_BILL, null, T1);

        assertThat(ids(query(null, BILL, null, null, null, 10))).containsExactlyInAnyOrder(a, b);
        assertThat(ids(query("staff-a", null, null, null, null, 10))).containsExactly(later, a);
        assertThat(ids(query("staff-a", BILL, null, null, null, 10))).containsExactly(a);
        assertThat(ids(query(null, null, T0, T1, null, 10))).containsExactlyInAnyOrder(a, b);
        assertThat(ids(query(null, null, T1, null, null, 10))).containsExactly(later);
        assertThat(ids(query(null, null, null, T0, null, 10))).isEmpty();
        assertThat(ids(query(null, OTHER_BILL, null, null, null, 10)))
                .as("an alert no event caused: a deadline's")
                .containsExactly(later);
        assertThat(one(query(null, OTHER_BILL, null, null, null, 10)).cause()).isNull();
    }

    @Test
    void pagesWalkEveryAlertOnceNewestFirstEvenWhenDecidedAtTheSameMoment() {
        migrate(null);
        for (int i = 0; i < 3; i++) {
            record(subscription("staff-" + i, "s" + i + "@example.org", null, Schedule.REALTIME), BILL, cause(1), T0);
        }
        record(subscription("staff-a", "a@example.org", null, Schedule.REALTIME), BILL, cause(2), T1);
        record(subscription("staff-a", "a@example.org", null, Schedule.REALTIME), BILL, cause(3), T1.plusMillis(1));
        List<UUID> all = ids(query(null, BILL, null, null, null, 10));

        List<UUID> walked = new ArrayList<>();
        Position after = null;
        int pages = 0;
        do {
            AlertAudit.Page page = audit.find(query(null, BILL, null, null, after, 2));
            page.alerts().forEach(alert -> walked.add(alert.id()));
            after = page.next();
            pages++;
        } while (after != null);

        assertThat(all).hasSize(5);
        assertThat(walked).containsExactlyElementsOf(all);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aDigestsDeliveriesOnEveryChannelAreUnderEachAlertItCarries() {
        migrate(null);
        UUID endpoint = endpoint("staff-d");
        Schedule daily = new Schedule(Cadence.DAILY, null, null, null);
        Subscription subscription = subscription("staff-d", "d@example.org", endpoint, daily);
        record(subscription, BILL, cause(1), T0);
        record(subscription, BILL, cause(2), T0.plusSeconds(60));
        assertThat(audit.find(query("staff-d", null, null, null, null, 10)).alerts())
                .as("a digest waits for its hour")
                .allSatisfy(alert -> assertThat(alert.deliveries()).isEmpty());

        outbox.digest(subscription, T0.minus(Duration.ofDays(1)), T1, T1);

        List<AuditedAlert> alerts =
                audit.find(query("staff-d", null, null, null, null, 10)).alerts();
        assertThat(alerts).hasSize(2).allSatisfy(alert -> {
            assertThat(alert.deliveries()).extracting(Sent::channel).containsExactly(Channel.EMAIL, Channel.WEBHOOK);
            assertThat(alert.deliveries()).extracting(Sent::recipient).containsExactly("d@example.org", URL);
            assertThat(alert.deliveries()).allMatch(Sent::digest);
        });
    }

    @Test
    void alertsDecidedBeforeTheAuditColumnsStillAnswerWithWhatWasKept() {
        migrate("11");
        UUID endpoint = endpoint("staff-o");
        UUID alert = UUID.randomUUID();
        UUID digested = UUID.randomUUID();
        UUID firstDigestDelivery = UUID.randomUUID();
        UUID webhookDelivery = UUID.randomUUID();
        jdbc.getJdbcTemplate()
                .update(
                        "insert into notify_alert (id, subscription_id, account, measure_id, event_id, trigger,"
                                + " change, subscription, digest_pending, digest_delivery_id, created_at) values"
                                + " (?, ?, 'staff-o', ?, 'event-1', 'ANY_FACT', '{\"change\": {}}', '{}', false, null,"
                                + " ?), (?, ?, 'staff-o', ?, 'event-2', 'ANY_FACT', '{}', '{}', false, ?, ?)",
                        alert,
                        UUID.randomUUID(),
                        BILL,
                        Timestamp.from(T0),
                        digested,
                        UUID.randomUUID(),
                        BILL,
                        firstDigestDelivery,
                        Timestamp.from(T1));
        jdbc.getJdbcTemplate()
                .update(
                        "insert into notify_delivery (id, alert_id, subscription_id, account, channel, target,"
                                + " event_type, payload, status, created_at) values (?, ?, ?, 'staff-o', 'WEBHOOK', ?,"
                                + " 'measure.fact_recorded', '{}', 'DELIVERED', ?), (?, null, ?, 'staff-o', 'EMAIL',"
                                + " 'o@example.org', 'digest', '{}', 'DELIVERED', ?)",
                        webhookDelivery,
                        alert,
                        UUID.randomUUID(),
                        endpoint.toString(),
                        Timestamp.from(T0),
                        firstDigestDelivery,
                        UUID.randomUUID(),
                        Timestamp.from(T1));

        migrate(null);

        List<AuditedAlert> alerts =
                audit.find(query("staff-o", null, null, null, null, 10)).alerts();
        assertThat(alerts).extracting(AuditedAlert::id).containsExactly(digested, alert);
        AuditedAlert old = alerts.get(1);
        assertThat(old.cause()).isEqualTo(new Cause("event-1", null, null, null, null, null));
        assertThat(old.matched()).isNull();
        assertThat(old.deliveries()).singleElement().satisfies(sent -> {
            assertThat(sent.id()).isEqualTo(webhookDelivery);
            assertThat(sent.recipient()).isEqualTo(URL);
        });
        assertThat(alerts.get(0).deliveries()).extracting(Sent::id).containsExactly(firstDigestDelivery);
    }

    /**
     * Whatever filters an auditor combines, the planner reads just the alerts asked for from one index: every filter
     * and where the page starts are conditions on the index, none is checked row by row after reading. The table has
     * some size: 20,000 alerts of 50 accounts about 40 measures over two weeks.
     */
    @Test
    void eachShapeOfQueryReadsAnIndexInTheOrderOfTheAnswer() {
        migrate(null);
        jdbc.getJdbcTemplate()
                .execute(
                        "insert into notify_alert (id, subscription_id, account, measure_id, event_id, trigger, change,"
                                + " subscription, digest_pending, created_at) select gen_random_uuid(), gen_random_uuid(),"
                                + " 'staff-' || (i % 50), 'hr' || (i % 40) || '-119', 'event-' || i, 'ANY_FACT', '{}', '{}',"
                                + " false, timestamptz '2026-01-01 00:00:00Z' + i * interval '1 minute' from"
                                + " generate_series(1, 20000) i");
        jdbc.getJdbcTemplate().execute("analyze notify_alert");
        Instant from = Instant.parse("2026-01-03T00:00:00Z");
        Instant to = Instant.parse("2026-01-12T00:00:00Z");
        Position after = new Position(Instant.parse("2026-01-10T00:00:00Z"), UUID.randomUUID());

        assertThat(plan(new AlertQuery("staff-1", null, from, to, after, 100))).contains("notify_alert_account ");
        assertThat(plan(new AlertQuery("staff-1", "hr1-119", from, null, after, 100)))
                .contains("notify_alert_account_measure ");
        assertThat(plan(new AlertQuery(null, "hr1-119", null, to, after, 100))).contains("notify_alert_measure ");
        assertThat(plan(new AlertQuery(null, null, from, to, after, 100))).contains("notify_alert_decided ");
    }

    private String plan(AlertQuery query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String plan = String.join(
                "\n", jdbc.queryForList("explain " + AlertAudit.select(query, parameters), parameters, String.class));
        assertThat(plan)
                .contains("Index Cond: ")
                .contains("ROW(created_at, id) <")
                .doesNotContain("Filter: ");
        return plan;
    }

    private void migrate(String target) {
        Flyway.configure()
                .dataSource(dataSource)
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
                URL,
                null,
                List.of(new WebhookEndpoint.Secret("whsec_c2VjcmV0", null)),
                null,
                null,
                null,
                CREATED));
        return id;
    }

    private static Subscription subscription(String account, String email, UUID webhook, Schedule schedule) {
        return new Subscription(
                UUID.randomUUID(),
                account,
                "H.R. 7645 status",
                new Follow(BILL, null, null, null),
                List.of(new Condition(Trigger.VOTE_RECORDED, null, null), INTO_COMMITTEE),
                schedule,
                email,
                webhook,
                false,
                CREATED);
    }

    private static Cause cause(long sequence) {
        return new Cause("event-" + sequence, BILL, sequence, "BillStatusChanged", T0, T0);
    }

    /** Records one alert on a change into REFERRED, caused by an event or, with no cause, by time passing. */
    private UUID record(Subscription subscription, String measureId, Cause cause, Instant now) {
        Change change = new Change(
                Trigger.STATUS_CHANGED,
                measureId,
                "Status changed from INTRODUCED to REFERRED",
                "INTRODUCED",
                "REFERRED",
                LocalDate.of(2026, 3, 2),
                now,
                "https://www.congress.gov/bill/119th-congress/house-bill/7645/all-actions",
                cause == null ? null : cause.eventId(),
                null);
        Alert alert = Alert.of(subscription, List.of(change));
        MeasureRow measure = new MeasureRow(measureId);
        measure.kind = "BILL";
        measure.title = "Ceasefire Compliance Act";
        measure.status = "REFERRED";
        outbox.record(List.of(Decided.of(alert, measure, cause)), now);
        return alert.id();
    }

    private Delivery delivery(String account, Channel channel) {
        return deliveryLog.deliveries(account, null, null, 10).stream()
                .filter(delivery -> delivery.channel() == channel)
                .findFirst()
                .orElseThrow();
    }

    private static Destination held(List<Destination> claimed, Channel channel) {
        return claimed.stream()
                .filter(destination -> destination.channel() == channel)
                .findFirst()
                .orElseThrow();
    }

    private static Attempt attempt(Delivery delivery, Instant at, Outcome outcome, int statusCode, String error) {
        return new Attempt(delivery.id(), at, delivery.channel(), delivery.target(), outcome, statusCode, 40, error);
    }

    private static AlertQuery query(
            String account, String measure, Instant from, Instant to, Position after, int limit) {
        return new AlertQuery(account, measure, from, to, after, limit);
    }

    private List<UUID> ids(AlertQuery query) {
        return audit.find(query).alerts().stream().map(AuditedAlert::id).toList();
    }

    private AuditedAlert one(AlertQuery query) {
        List<AuditedAlert> alerts = audit.find(query).alerts();
        assertThat(alerts).hasSize(1);
        return alerts.get(0);
    }
}
