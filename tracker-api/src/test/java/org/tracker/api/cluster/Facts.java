package org.tracker.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tracker.api.Api;

/** The bodies of the facts the cluster tests post, and a measure's events read back through the API. */
final class Facts {

    private Facts() {}

    static String introduction(String billId, LocalDate on) {
        return """
                {"billId": "%s", "title": "Cluster test bill %s", "introducedOn": "%s",
                 "sponsor": {"bioguideId": "W000795", "name": "Joe Wilson", "party": "R", "state": "SC"}}
                """
                .formatted(billId, billId, on);
    }

    /** Introduces a bill and fails unless it was stored. */
    static void introduce(Api api, String billId, LocalDate on) {
        Api.Response created = api.post("/api/bills", introduction(billId, on));
        assertThat(created.status())
                .as("introducing %s: %s", billId, created.body())
                .isEqualTo(201);
    }

    /** An action whose text names it, and which moves the bill to no new status. */
    static String action(LocalDate on, String text) {
        return """
                {"action": {"date": "%s", "text": "%s", "source": "HOUSE_FLOOR"}}
                """
                .formatted(on, text);
    }

    static String referral(LocalDate on) {
        return """
                {"action": {"date": "%s", "text": "Referred to the House Committee on Foreign Affairs.",
                            "type": "IntroReferral", "actionCode": "H11100", "source": "HOUSE_FLOOR"}}
                """
                .formatted(on);
    }

    static String cosponsorship(String bioguideId, LocalDate on) {
        return """
                {"cosponsor": {"bioguideId": "%s", "name": "Donald Norcross", "party": "D", "state": "NJ"},
                 "sponsoredOn": "%s", "original": false}
                """
                .formatted(bioguideId, on);
    }

    static String withdrawal(LocalDate on) {
        return "{\"withdrawnOn\": \"%s\"}".formatted(on);
    }

    /** A House roll call of the 119th Congress's first session on {@code billId}. */
    static String vote(int rollNumber, LocalDate on, String billId) {
        return """
                {"voteId": "%s", "chamber": "HOUSE", "congress": 119, "session": 1, "rollNumber": %d,
                 "date": "%s", "question": "On Passage", "category": "PASSAGE", "result": "Passed",
                 "totals": {"yea": 300, "nay": 120, "present": 0, "notVoting": 12},
                 "positions": [], "measureId": "%s"}
                """
                .formatted(voteId(rollNumber), rollNumber, on, billId);
    }

    static String voteId(int rollNumber) {
        return "vote-h119.1-" + rollNumber;
    }

    /** Every event of a measure, from the event store, in order. */
    static List<JsonNode> history(Api api, String measureId) {
        Api.Response history = api.get("/api/measures/" + measureId + "/history");
        assertThat(history.status())
                .as("history of %s: %s", measureId, history.body())
                .isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        history.body().forEach(events::add);
        return events;
    }

    static long count(List<JsonNode> history, String type) {
        return history.stream()
                .filter(event -> event.get("type").asText().equals(type))
                .count();
    }

    /** Whether the projection shows the measure, as dashboards read it. */
    static boolean projected(Api api, String measureId) {
        return api.get("/api/measures/" + measureId).status() == 200;
    }
}
