package org.tracker.notify.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Payloads are built in the shape the outbox stores them in, an envelope with the alert or digest as its data, and
 * read back as the email sender reads them.
 */
class AlertEmailTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String UNSUBSCRIBE = "http://localhost:8080/unsubscribe/C7rTzKx0Qc6Nq1y2Lw8fVg";
    static final String SUBSCRIPTION_ID = "0b7e3c52-21a4-4f0e-8d77-3f5b6c1a9e10";

    static ObjectNode alert(String measureId, String title, String summary) {
        ObjectNode alert = JSON.createObjectNode();
        alert.putObject("subscription").put("id", SUBSCRIPTION_ID).put("name", "Israel security assistance");
        alert.putObject("measure")
                .put("id", measureId)
                .put("kind", "BILL")
                .put("title", title)
                .put("status", "REFERRED")
                .put("link", "http://localhost:8080/api/measures/" + measureId);
        alert.putObject("change")
                .put("trigger", "STATUS_CHANGED")
                .put("measureId", measureId)
                .put("summary", summary)
                .put("from", "INTRODUCED")
                .put("to", "REFERRED")
                .put("on", "2025-02-12")
                .put("recordedAt", "2025-02-13T15:00:00Z")
                .put("source", "https://www.govinfo.gov/app/details/BILLS-119hr1229ih");
        alert.putArray("reasons").add(summary);
        return alert;
    }

    static ObjectNode envelope(String type, ObjectNode data) {
        ObjectNode envelope = JSON.createObjectNode().put("type", type).put("timestamp", "2025-02-13T15:00:01Z");
        envelope.set("data", data);
        return envelope;
    }

    static AlertEmail of(ObjectNode payload) {
        return AlertEmail.of(WebhookBody.read(payload.toString()), UNSUBSCRIBE);
    }

    static AlertEmail email(String title, String summary) {
        return of(envelope("measure.status_changed", alert("hr1229-119", title, summary)));
    }

    @Test
    void theSubjectSaysWhichMeasureAndWhatChanged() {
        AlertEmail email = email(
                "United States-Israel Defense Partnership Act of 2025", "Status changed from INTRODUCED to REFERRED");

        assertThat(email.subject()).isEqualTo("[tracker] hr1229-119: Status changed from INTRODUCED to REFERRED");
    }

    @Test
    void aLongSubjectIsCutToAtMost150Characters() {
        String action = "New action on 2025-02-12: " + "Referred to the Committee on Foreign Affairs, and in addition"
                + " to the Committees on Armed Services, Appropriations and the Judiciary, for a period to be"
                + " subsequently determined by the Speaker.";

        String subject = email("United States-Israel Defense Partnership Act of 2025", action)
                .subject();

        assertThat(subject)
                .hasSizeLessThanOrEqualTo(150)
                .startsWith("[tracker] hr1229-119: New action")
                .endsWith("…");
    }

    /** A subject with a line break would let a fact's text add headers to the message. */
    @Test
    void theSubjectHasNoLineBreaks() {
        String subject = email("A title", "Status changed\r\nBcc: everyone@example.com\nto REFERRED")
                .subject();

        assertThat(subject)
                .doesNotContain("\r", "\n")
                .isEqualTo("[tracker] hr1229-119: Status changed Bcc: everyone@example.com to REFERRED");
    }

    @Test
    void theHtmlBodyEscapesWhatTheFactsSay() {
        AlertEmail email = email("<script>alert('x')</script> Act", "Status is <b>INTRODUCED</b>");

        assertThat(email.html())
                .doesNotContain("<script>", "<b>INTRODUCED")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Act")
                .contains("Status is &lt;b&gt;INTRODUCED&lt;/b&gt;");
        assertThat(email.text()).contains("<script>alert('x')</script> Act (hr1229-119)");
    }

    @Test
    void bothBodiesTellTheFactsAndEndWithTheUnsubscribeLink() {
        AlertEmail email = email(
                "United States-Israel Defense Partnership Act of 2025", "Status changed from INTRODUCED to REFERRED");

        assertThat(email.text())
                .contains(
                        "United States-Israel Defense Partnership Act of 2025 (hr1229-119)",
                        "From: INTRODUCED  To: REFERRED",
                        "When: 2025-02-12 (the tracker learned it at 2025-02-13T15:00:00Z)",
                        "Source: https://www.govinfo.gov/app/details/BILLS-119hr1229ih",
                        "Measure: http://localhost:8080/api/measures/hr1229-119",
                        "'Israel security assistance' (" + SUBSCRIPTION_ID + ")")
                .endsWith("Unsubscribe: " + UNSUBSCRIBE + "\n");
        assertThat(email.html())
                .contains("<a href=\"http://localhost:8080/api/measures/hr1229-119\">")
                .endsWith("<a href=\"" + UNSUBSCRIBE + "\">Unsubscribe</a></p></body></html>");
    }

    @Test
    void aDigestListsEveryAlertOfThePeriod() {
        ObjectNode digest = JSON.createObjectNode();
        digest.putObject("subscription").put("id", SUBSCRIPTION_ID).put("name", "Israel security assistance");
        digest.put("from", "2025-03-09T12:00:00Z").put("to", "2025-03-10T12:00:00Z");
        digest.putArray("alerts")
                .add(alert(
                        "hr1229-119", "United States-Israel Defense Partnership Act of 2025", "Status is INTRODUCED"))
                .add(alert("s554-119", "United States-Israel Defense Partnership Act of 2025", "Status is REFERRED"))
                .add(alert("hr7645-119", "Ceasefire Compliance Act of 2026", "New fact: Bill title assigned"));

        AlertEmail email = of(envelope("digest", digest));

        assertThat(email.subject()).isEqualTo("[tracker] 3 changes for Israel security assistance");
        assertThat(email.text())
                .startsWith("Changes from 2025-03-09T12:00:00Z to 2025-03-10T12:00:00Z:")
                .contains("(hr1229-119)\nStatus is INTRODUCED", "(s554-119)\nStatus is REFERRED")
                .contains("Ceasefire Compliance Act of 2026 (hr7645-119)\nNew fact: Bill title assigned")
                .contains(UNSUBSCRIBE);
        assertThat(email.html())
                .contains("Status is INTRODUCED", "Status is REFERRED", "New fact: Bill title assigned")
                .contains("(hr1229-119)", "(s554-119)", "(hr7645-119)")
                .contains(UNSUBSCRIBE);
    }

    @Test
    void aDigestOfOneAlertSaysOneChange() {
        ObjectNode digest = JSON.createObjectNode();
        digest.putObject("subscription").put("id", SUBSCRIPTION_ID).put("name", "Israel security assistance");
        digest.putArray("alerts").add(alert("hr1229-119", "A title", "Status is INTRODUCED"));

        assertThat(of(envelope("digest", digest)).subject())
                .isEqualTo("[tracker] 1 change for Israel security assistance");
    }
}
