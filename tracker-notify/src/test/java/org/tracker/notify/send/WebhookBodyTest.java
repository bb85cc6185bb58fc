package org.tracker.notify.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tracker.notify.rule.Alert;
import org.tracker.notify.rule.Change;
import org.tracker.notify.rule.Condition;
import org.tracker.notify.rule.Follow;
import org.tracker.notify.rule.Schedule;
import org.tracker.notify.rule.Subscription;
import org.tracker.notify.rule.Trigger;
import org.tracker.notify.store.Outbox.Decided;

/** Receivers verify signatures over a body's bytes: these are pinned as the outbox has always written them. */
class WebhookBodyTest {

    static final WebhookBody BODIES = new WebhookBody("https://tracker.example.org/");
    static final Subscription SUBSCRIPTION = new Subscription(
            UUID.fromString("0b7e3c52-21a4-4f0e-8d77-3f5b6c1a9e10"),
            "staff-a",
            "Israel \"security\" assistance – ü",
            new Follow("hr1229-119", null, null, null),
            List.of(new Condition(Trigger.STATUS_CHANGED, Set.of("REFERRED"), null)),
            Schedule.REALTIME,
            "a@example.org",
            null,
            false,
            Instant.parse("2025-01-01T00:00:00Z"));

    static Decided statusChanged() {
        Change status = new Change(
                Trigger.STATUS_CHANGED,
                "hr1229-119",
                "Status changed from INTRODUCED to REFERRED <b>",
                "INTRODUCED",
                "REFERRED",
                LocalDate.of(2025, 2, 12),
                Instant.parse("2025-02-13T15:00:00.120Z"),
                "https://www.govinfo.gov/app/details/BILLS-119hr1229ih",
                "event-7",
                null);
        Change action = new Change(
                Trigger.ACTION_RECORDED,
                "hr1229-119",
                "New action",
                null,
                null,
                LocalDate.of(2025, 2, 12),
                Instant.parse("2025-02-13T15:00:00Z"),
                "src",
                "event-7",
                null);
        return new Decided(
                Alert.of(SUBSCRIPTION, List.of(status, action)),
                "BILL",
                "United States-Israel Defense Partnership Act of 2025",
                "REFERRED",
                null);
    }

    static Decided deadlineOfAnUnknownMeasure() {
        Change deadline = new Change(
                Trigger.DEADLINE_APPROACHING,
                "hr1229-119",
                "Deadline in 3 days",
                null,
                "2025-03-01",
                LocalDate.of(2025, 3, 1),
                Instant.parse("2025-02-26T12:00:00Z"),
                null,
                null,
                3);
        return new Decided(Alert.of(SUBSCRIPTION, List.of(deadline)), null, null, null, null);
    }

    @Test
    void anAlertsBodyIsPinned() {
        String body = BODIES.alertBody(statusChanged(), Instant.parse("2025-02-13T15:00:01Z"));

        assertThat(body.getBytes(StandardCharsets.UTF_8)).isEqualTo(STATUS_CHANGED.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whatIsNotKnownIsWrittenAsNull() {
        String body = BODIES.alertBody(deadlineOfAnUnknownMeasure(), Instant.parse("2025-02-26T12:00:00Z"));

        assertThat(body).isEqualTo(DEADLINE_APPROACHING);
    }

    @Test
    void theAlertAsKeptIsTheBodysData() {
        Decided decided = statusChanged();

        assertThat(BODIES.alertBody(decided, Instant.parse("2025-02-13T15:00:01Z")))
                .isEqualTo("{\"type\":\"measure.status_changed\",\"timestamp\":\"2025-02-13T15:00:01Z\",\"data\":"
                        + BODIES.alert(decided) + "}");
    }

    /** The database keeps a JSON object's keys in its own order; a digest sends the alerts as they were kept. */
    @Test
    void aDigestGathersTheAlertsAsKept() {
        String body = BODIES.digestBody(
                SUBSCRIPTION,
                Instant.parse("2025-03-09T12:00:00Z"),
                Instant.parse("2025-03-10T12:00:00Z"),
                List.of("{\"change\": {\"to\": \"REFERRED\", \"from\": null}, \"alertId\": \"a\"}", "{}"));

        assertThat(body)
                .isEqualTo(
                        """
                        {"type":"digest","timestamp":"2025-03-10T12:00:00Z","data":{"subscription":\
                        {"id":"0b7e3c52-21a4-4f0e-8d77-3f5b6c1a9e10","name":"Israel \\"security\\" assistance – ü"},\
                        "from":"2025-03-09T12:00:00Z","to":"2025-03-10T12:00:00Z","alerts":\
                        [{"change":{"to":"REFERRED","from":null},"alertId":"a"},{}]}}""");
    }

    @Test
    void anAlertIsReadBackAsItWasTold() {
        Decided decided = statusChanged();

        assertThat(WebhookBody.read(BODIES.alertBody(decided, Instant.parse("2025-02-13T15:00:01Z"))))
                .isEqualTo(AlertMessage.of(
                        decided.alert(),
                        "BILL",
                        "United States-Israel Defense Partnership Act of 2025",
                        "REFERRED",
                        "https://tracker.example.org"));
    }

    @Test
    void aDigestIsReadBackWithEachAlert() {
        Decided first = statusChanged();
        Decided second = deadlineOfAnUnknownMeasure();
        Instant from = Instant.parse("2025-03-09T12:00:00Z");
        Instant to = Instant.parse("2025-03-10T12:00:00Z");

        Message read = WebhookBody.read(
                BODIES.digestBody(SUBSCRIPTION, from, to, List.of(BODIES.alert(first), BODIES.alert(second))));

        assertThat(read)
                .isEqualTo(new DigestMessage(
                        SUBSCRIPTION.id(),
                        SUBSCRIPTION.name(),
                        from,
                        to,
                        List.of(
                                AlertMessage.of(
                                        first.alert(),
                                        "BILL",
                                        "United States-Israel Defense Partnership Act of 2025",
                                        "REFERRED",
                                        "https://tracker.example.org"),
                                AlertMessage.of(second.alert(), null, null, null, "https://tracker.example.org"))));
    }

    @Test
    void aTriggerThisVersionDoesNotKnowIsLeftOut() {
        String body = STATUS_CHANGED.replace("\"trigger\":\"STATUS_CHANGED\"", "\"trigger\":\"RENAMED_SINCE\"");

        assertThat(((AlertMessage) WebhookBody.read(body)).change().trigger()).isNull();
    }

    /** The status change above, as the outbox wrote it before messages had a model of their own. */
    static final String STATUS_CHANGED =
            """
            {"type":"measure.status_changed","timestamp":"2025-02-13T15:00:01Z",\
            "data":{"alertId":"e441e5bd-df43-35e1-9c25-0fe601dd9bf5",\
            "subscription":{"id":"0b7e3c52-21a4-4f0e-8d77-3f5b6c1a9e10",\
            "name":"Israel \\"security\\" assistance – ü"},"measure":{"id":"hr1229-119","kind":"BILL",\
            "title":"United States-Israel Defense Partnership Act of 2025","status":"REFERRED",\
            "link":"https://tracker.example.org/api/measures/hr1229-119"},\
            "change":{"trigger":"STATUS_CHANGED","measureId":"hr1229-119",\
            "summary":"Status changed from INTRODUCED to REFERRED <b>","from":"INTRODUCED",\
            "to":"REFERRED","on":"2025-02-12","recordedAt":"2025-02-13T15:00:00.120Z",\
            "source":"https://www.govinfo.gov/app/details/BILLS-119hr1229ih","eventId":"event-7",\
            "daysLeft":null},"reasons":["Status changed from INTRODUCED to REFERRED <b>",\
            "New action"]}}""";

    static final String DEADLINE_APPROACHING =
            """
            {"type":"measure.deadline_approaching","timestamp":"2025-02-26T12:00:00Z",\
            "data":{"alertId":"6122b56a-9268-30e0-9722-18188f38a843",\
            "subscription":{"id":"0b7e3c52-21a4-4f0e-8d77-3f5b6c1a9e10",\
            "name":"Israel \\"security\\" assistance – ü"},"measure":{"id":"hr1229-119","kind":null,\
            "title":null,"status":null,"link":"https://tracker.example.org/api/measures/hr1229-119"},\
            "change":{"trigger":"DEADLINE_APPROACHING","measureId":"hr1229-119",\
            "summary":"Deadline in 3 days","from":null,"to":"2025-03-01","on":"2025-03-01",\
            "recordedAt":"2025-02-26T12:00:00Z","source":null,"eventId":null,"daysLeft":3},\
            "reasons":["Deadline in 3 days"]}}""";
}
