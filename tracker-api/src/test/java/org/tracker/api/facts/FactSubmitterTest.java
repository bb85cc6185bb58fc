package org.tracker.api.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tracker.api.TestServers;
import org.tracker.api.measures.MeasureEvents;
import org.tracker.api.web.InvalidRequest;
import org.tracker.core.api.AddCosponsor;
import org.tracker.core.api.AssignBillTitle;
import org.tracker.core.api.CosponsorWithdrawn;
import org.tracker.core.api.IntroduceBill;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.RecordBillAction;
import org.tracker.core.api.RecordRollCallVote;
import org.tracker.core.api.WithdrawCosponsor;

/**
 * The submitter on real servers: what it makes of a body, as the event store keeps it. A refused body appends
 * nothing. The clock is fixed, so that what the tracker records as its own time can be named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FactSubmitterTest {

    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Principal ALICE = () -> "alice";
    private static final String SPONSOR =
            "{\"bioguideId\": \"W000795\", \"name\": \"Joe Wilson\", \"party\": \"R\", \"state\": \"SC\"}";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    FactSubmitter submitter;

    @Autowired
    MeasureEvents events;

    @Autowired
    JdbcTemplate jdbc;

    private long storedBefore;

    @BeforeEach
    void countStoredEvents() {
        storedBefore = storedEvents();
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    /** The first event the last submission appended to the measure: it carries the command's provenance. */
    private MeasureEvent stored(String measureId, int before) {
        return (MeasureEvent) events.ownOf(measureId).get(before).getPayload();
    }

    private void introduce(String billId) throws Exception {
        submitter.submit(IntroduceBill.class, body(introduction(billId, "2025-02-12", "")), Map.of(), ALICE);
    }

    private static JsonNode body(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static String introduction(String billId, String introducedOn, String more) {
        return """
                {"billId": "%s", "title": "A bill", "introducedOn": "%s", "sponsor": %s%s}
                """
                .formatted(billId, introducedOn, SPONSOR, more);
    }

    @Test
    void aFactTookEffectAtTheStartOfItsDayInWashingtonAndTheTrackerNamesItsSource() throws Exception {
        FactSubmitter.Recorded recorded = submitter.submit(
                IntroduceBill.class, body(introduction("hr9101-119", "2025-02-12", "")), Map.of(), ALICE);

        assertThat(recorded.measureId()).isEqualTo("hr9101-119");
        assertThat(recorded.appended()).containsExactly("BillIntroduced");
        assertThat(stored("hr9101-119", 0).provenance())
                .isEqualTo(new Provenance(Instant.parse("2025-02-12T05:00:00Z"), NOW, "api:alice", "alice"));
    }

    @Test
    void anActionOrAVoteTookEffectAtItsTime() throws Exception {
        introduce("hr9102-119");
        submitter.submit(
                RecordBillAction.class,
                body("{\"action\": {\"date\": \"2025-07-04\", \"time\": \"14:30:00\", \"text\": \"Passed.\"}}"),
                Map.of("billId", "hr9102-119"),
                ALICE);
        assertThat(stored("hr9102-119", 1).provenance().effectiveAt()).isEqualTo(Instant.parse("2025-07-04T18:30:00Z"));
    }

    @Test
    void aVoteTookEffectAtItsTime() throws Exception {
        FactSubmitter.Recorded recorded = submitter.submit(
                RecordRollCallVote.class,
                body(
                        """
                        {"voteId": "vote-h118.2-209", "chamber": "HOUSE", "congress": 118, "session": 2,
                         "rollNumber": 209, "date": "2024-05-16", "time": "13:05", "question": "On Passage",
                         "category": "PASSAGE", "result": "Passed", "measureId": "hr9103-118",
                         "totals": {"yea": 300, "nay": 100, "present": 0, "notVoting": 31}}
                        """),
                Map.of(),
                ALICE);
        assertThat(recorded.measureId()).isEqualTo("vote-h118.2-209");
        assertThat(stored("vote-h118.2-209", 0).provenance().effectiveAt())
                .isEqualTo(Instant.parse("2024-05-16T17:05:00Z"));
    }

    @Test
    void aFactWithoutADayTookEffectWhenRecorded() throws Exception {
        introduce("hr9104-119");
        submitter.submit(
                AssignBillTitle.class,
                body("{\"titleType\": \"Display Title\", \"title\": \"A bill\", \"source\": \" https://x.example \"}"),
                Map.of("billId", "hr9104-119"),
                ALICE);
        assertThat(stored("hr9104-119", 1).provenance())
                .isEqualTo(new Provenance(NOW, NOW, "https://x.example", "alice"));
    }

    @Test
    void theClientMayNameWhenItTookEffect() throws Exception {
        submitter.submit(
                IntroduceBill.class,
                body(introduction("hr9105-119", "2025-02-12", ", \"effectiveAt\": \"2025-02-13\"")),
                Map.of(),
                ALICE);
        assertThat(stored("hr9105-119", 0).provenance().effectiveAt()).isEqualTo(Instant.parse("2025-02-13T05:00:00Z"));
    }

    @Test
    void theClientMayNameTheMomentItTookEffect() throws Exception {
        submitter.submit(
                IntroduceBill.class,
                body(introduction("hr9106-119", "2025-02-12", ", \"effectiveAt\": \"2025-02-12T14:00:00-05:00\"")),
                Map.of(),
                ALICE);
        assertThat(stored("hr9106-119", 0).provenance().effectiveAt()).isEqualTo(Instant.parse("2025-02-12T19:00:00Z"));
    }

    @Test
    void thePathFillsTheBody() throws Exception {
        introduce("hr9107-119");
        submitter.submit(
                AddCosponsor.class,
                body("{\"cosponsor\": " + SPONSOR.replace("W000795", "S001176").replace("Joe Wilson", "Steve Scalise")
                        + ", \"sponsoredOn\": \"2025-02-20\", \"original\": false}"),
                Map.of("billId", "hr9107-119"),
                ALICE);
        FactSubmitter.Recorded recorded = submitter.submit(
                WithdrawCosponsor.class,
                body("{\"withdrawnOn\": \"2025-03-01\"}"),
                Map.of("billId", "hr9107-119", "bioguideId", "S001176"),
                ALICE);
        assertThat(recorded.measureId()).isEqualTo("hr9107-119");
        assertThat(stored("hr9107-119", 2))
                .isEqualTo(new CosponsorWithdrawn(
                        "hr9107-119",
                        "S001176",
                        java.time.LocalDate.of(2025, 3, 1),
                        new Provenance(Instant.parse("2025-03-01T05:00:00Z"), NOW, "api:alice", "alice")));
    }

    @Test
    void aBodyThatContradictsThePathIsRefused() {
        assertRefused(
                () -> submitter.submit(
                        AssignBillTitle.class,
                        body("{\"billId\": \"hr1-119\", \"titleType\": \"Display Title\", \"title\": \"A bill\"}"),
                        Map.of("billId", "hr1229-119"),
                        ALICE),
                "The body names billId 'hr1-119' but the path names 'hr1229-119'.");
    }

    @Test
    void anIdInThePathWrittenOtherwiseIsRefusedNamingTheCanonicalOne() {
        assertThatThrownBy(() -> submitter.submit(
                        AssignBillTitle.class,
                        body("{\"titleType\": \"Display Title\", \"title\": \"A bill\"}"),
                        Map.of("billId", "hr01229-119"),
                        ALICE))
                .isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("write 'hr1229-119'");
        assertThat(storedEvents()).isEqualTo(storedBefore);
    }

    @Test
    void theMeasureIdIsRequiredByTheNameOfItsField() {
        assertRefused(
                () -> submitter.submit(
                        IntroduceBill.class,
                        body("{\"title\": \"A bill\", \"introducedOn\": \"2025-02-12\"}"),
                        Map.of(),
                        ALICE),
                "'billId' is required.");
        assertRefused(
                () -> submitter.submit(
                        RecordRollCallVote.class, body("{\"voteId\": 209, \"date\": \"2024-05-16\"}"), Map.of(), ALICE),
                "'voteId' is required.");
    }

    @Test
    void whatTheTrackerSetsOrCannotReadIsRefused() {
        assertRefused(
                () -> submitter.submit(IntroduceBill.class, body("[]"), Map.of(), ALICE),
                "The body must be a JSON object.");
        assertRefused(
                () -> submitter.submit(
                        IntroduceBill.class,
                        body(introduction("hr1229-119", "2025-02-12", ", \"provenance\": {}")),
                        Map.of(),
                        ALICE),
                "'provenance' is set by the tracker; give 'source' (and, if needed, 'effectiveAt') instead.");
        assertRefused(
                () -> submitter.submit(
                        IntroduceBill.class,
                        body(introduction("hr1229-119", "2025-02-12", ", \"effectiveAt\": \"soon\"")),
                        Map.of(),
                        ALICE),
                "'effectiveAt' must be a date (2025-02-12) or a date-time with offset (2025-02-12T14:00:00-05:00).");
        assertRefused(
                () -> submitter.submit(
                        IntroduceBill.class,
                        body(introduction("hr1229-119", "2025-02-12", ", \"colour\": \"red\"")),
                        Map.of(),
                        ALICE),
                "Unknown field 'colour'");
    }

    private void assertRefused(ThrowingSubmit submit, String message) {
        assertThatThrownBy(submit::submit).isInstanceOf(InvalidRequest.class).hasMessageStartingWith(message);
        assertThat(storedEvents()).isEqualTo(storedBefore);
    }

    @FunctionalInterface
    private interface ThrowingSubmit {
        void submit() throws Exception;
    }

    @Test
    void aDateIsWrittenOnlyAsYearMonthDay() {
        for (String written :
                List.of("\"\"", "20000", "[2025, 2, 12]", "\"2025-02-12T10:00:00\"", "\"2025-02-30\"", "\"x\"")) {
            String json = introduction("hr1229-119", "D", "").replace("\"D\"", written);
            assertThatThrownBy(() -> submitter.submit(IntroduceBill.class, body(json), Map.of(), ALICE))
                    .as(written)
                    .isInstanceOf(InvalidRequest.class)
                    .hasMessageStartingWith("'introducedOn' must be a date like 2025-02-12, not ");
        }
        assertThat(storedEvents()).isEqualTo(storedBefore);
    }

    @Test
    void aTimeIsWrittenOnlyAsHoursAndMinutes() {
        for (String written : List.of("\"\"", "52200", "[14, 30]", "\"25:00\"", "\"2pm\"")) {
            String json = "{\"action\": {\"date\": \"2025-07-04\", \"time\": " + written + ", \"text\": \"Passed.\"}}";
            assertThatThrownBy(() ->
                            submitter.submit(RecordBillAction.class, body(json), Map.of("billId", "hr9108-119"), ALICE))
                    .as(written)
                    .isInstanceOf(InvalidRequest.class)
                    .hasMessageStartingWith("'action.time' must be a time like 14:30, not ");
        }
        assertThat(storedEvents()).isEqualTo(storedBefore);
    }
}
