package org.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tracker.api.batch.CommandBatch;
import org.tracker.api.config.TrackerProperties;
import org.tracker.api.measures.MeasuresChanged;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillStatus;
import org.tracker.core.api.FactRejected;
import org.tracker.core.api.IntroduceBill;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.RecordBillAction;
import org.tracker.core.measure.Transition;

/** A fact's whole path on real servers: API, event store, Kafka topic, projection; and what bad input gets. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FactPipelineTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TrackerProperties properties;

    @Autowired
    CommandBatch batch;

    @Autowired
    ServletWebServerApplicationContext web;

    @Autowired
    CommittedChanges committed;

    /** What the projection announced after its commits, as a page's live updates will hear it. */
    @TestConfiguration
    static class CommittedChanges {
        final List<MeasuresChanged> heard = new CopyOnWriteArrayList<>();

        @EventListener
        void on(MeasuresChanged changed) {
            heard.add(changed);
        }
    }

    Api api() {
        return new Api(port);
    }

    @Test
    void listensOnTheLoopbackInterfaceOnlyUnlessToldOtherwise() throws Exception {
        Connector connector = ((TomcatWebServer) web.getWebServer()).getTomcat().getConnector();
        assertThat(((InetAddress) connector.getProperty("address")).isLoopbackAddress())
                .isTrue();

        List<InetAddress> elsewhere = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
        for (InetAddress address : elsewhere) {
            assertThatThrownBy(() -> new Socket(address, port).close())
                    .as("connecting through " + address)
                    .isInstanceOf(ConnectException.class);
        }
    }

    long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    static String introduction(String billId, String date) {
        return """
                {"billId": "%s", "title": "United States-Israel Defense Partnership Act of 2025",
                 "introducedOn": "%s",
                 "sponsor": {"bioguideId": "W000795", "name": "Joe Wilson", "party": "R", "state": "SC"},
                 "source": "https://www.congress.gov/bill/119th-congress/house-bill/1229"}
                """
                .formatted(billId, date);
    }

    @Test
    void aPostedFactReachesTheStoreTheTopicAndTheProjection() {
        Api.Response created = api().post("/api/bills", introduction("hr1229-119", "2025-02-12"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().at("/appended/0").asText()).isEqualTo("BillIntroduced");

        Api.Response referred = api().post(
                        "/api/bills/hr1229-119/actions",
                        """
                {"action": {"date": "2025-02-12", "text": "Referred to the House Committee on Foreign Affairs.",
                            "type": "IntroReferral", "actionCode": "H11100", "source": "HOUSE_FLOOR"}}
                """);
        assertThat(referred.status()).isEqualTo(201);
        assertThat(referred.body().get("appended").toString()).contains("BillActionRecorded", "BillStatusChanged");

        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry where aggregateidentifier = 'hr1229-119'", Long.class))
                .isEqualTo(3);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var keys = TopicReader.readAll(TestServers.kafka().bootstrapServers(), properties.topic()).stream()
                    .filter(r -> "hr1229-119".equals(r.key()))
                    .map(r -> TopicReader.header(r, "axon-message-type"))
                    .toList();
            assertThat(keys)
                    .containsExactly(
                            "org.tracker.core.api.BillIntroduced",
                            "org.tracker.core.api.BillActionRecorded",
                            "org.tracker.core.api.BillStatusChanged");
        });

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response measure = api().get("/api/measures/hr1229-119");
            assertThat(measure.status()).isEqualTo(200);
            assertThat(measure.body().get("status").asText()).isEqualTo("REFERRED");
            assertThat(measure.body().get("lastAction").asText())
                    .isEqualTo("Referred to the House Committee on Foreign Affairs.");
        });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(committed.heard.stream().flatMap(changed -> changed.transitions().stream()))
                    .contains(new Transition(
                            "hr1229-119", BillStatus.INTRODUCED, BillStatus.REFERRED, LocalDate.parse("2025-02-12")));
            assertThat(committed.heard.stream().flatMap(changed -> changed.rows().stream()))
                    .anySatisfy(row -> assertThat(row.lastActionText)
                            .isEqualTo("Referred to the House Committee on Foreign Affairs."));
        });
        assertThat(api().get("/api/measures?kind=bill&q=Israel%20Defense")
                        .body()
                        .toString())
                .contains("hr1229-119");
        assertThat(api().get("/api/measures/hr1229-119/history")
                        .body()
                        .get(0)
                        .get("source")
                        .asText())
                .isEqualTo("https://www.congress.gov/bill/119th-congress/house-bill/1229");
    }

    @Test
    void theSameFactTwiceAppendsNothing() {
        api().post("/api/bills", introduction("s554-119", "2025-02-12"));
        long before = storedEvents();

        Api.Response again = api().post("/api/bills", introduction("s554-119", "2025-02-12"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("appended")).isEmpty();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aCosponsorWithdrawsThroughThePathThatNamesThem() {
        api().post("/api/bills", introduction("hr7003-119", "2025-02-12"));
        api().post(
                        "/api/bills/hr7003-119/cosponsors",
                        """
                {"cosponsor": {"bioguideId": "N000188", "name": "Donald Norcross", "party": "D", "state": "NJ"},
                 "sponsoredOn": "2025-02-12", "original": true}
                """);

        Api.Response withdrawn =
                api().post("/api/bills/hr7003-119/cosponsors/N000188/withdrawal", "{\"withdrawnOn\": \"2025-03-01\"}");

        assertThat(withdrawn.status()).as(withdrawn.body().toString()).isEqualTo(201);
        assertThat(withdrawn.body().at("/appended/0").asText()).isEqualTo("CosponsorWithdrawn");
    }

    @Test
    void aVoteShowsOnTheMeasureItWasOn() {
        api().post(
                        "/api/bills",
                        """
                {"billId": "sjres111-118", "title": "Disapproval of a proposed arms sale to Israel",
                 "introducedOn": "2024-09-25"}
                """);
        Api.Response vote = api().post(
                        "/api/votes",
                        """
                {"voteId": "vote-s118.2-901", "chamber": "SENATE", "congress": 118, "session": 2, "rollNumber": 901,
                 "date": "2024-11-20", "question": "On the Motion to Discharge S.J.Res. 111",
                 "category": "MOTION_TO_DISCHARGE", "result": "Motion to Discharge Rejected",
                 "totals": {"yea": 18, "nay": 79, "present": 0, "notVoting": 3},
                 "positions": [], "measureId": "sjres111-118"}
                """);
        assertThat(vote.status()).as(vote.body().toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var measure = api().get("/api/measures/sjres111-118").body();
            assertThat(measure.at("/latestVote/voteId").asText()).isEqualTo("vote-s118.2-901");
            assertThat(measure.at("/latestVote/yea").asInt()).isEqualTo(18);
            assertThat(measure.at("/latestVote/nay").asInt()).isEqualTo(79);
        });
        assertThat(api().get("/api/measures/vote-s118.2-901")
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("FAILED");
    }

    @Test
    void badInputGetsAProblemAndAppendsNothing() {
        api().post(
                        "/api/waivers",
                        """
                {"waiverId": "waiver-test-620i", "statute": "FAA_620I", "citation": "22 U.S.C. 2378-1",
                 "title": "Test provision"}
                """);
        long before = storedEvents();

        assertProblem(api().post("/api/bills", "{\"billId\": \"hr1-119\", "), 400, "malformed-body");
        assertProblem(
                api().post(
                                "/api/bills/hr99999-119/actions",
                                """
                        {"action": {"date": "2025-03-01", "text": "Referred to the Committee on Armed Services."}}
                        """),
                404,
                "unknown-measure");
        assertProblem(
                api().post(
                                "/api/waivers/waiver-test-620i/renewals",
                                """
                        {"determinedOn": "2025-01-01", "expiresOn": "2026-01-01", "justification": "none"}
                        """),
                409,
                "fact-rejected");
        assertProblem(api().post("/api/bills", introduction("hr2-119", "2025-01-03"), null), 401, "unauthorized");
        assertProblem(api().post("/api/bills", introduction("hr3-119", "2025-01-03"), "wrong"), 401, "unauthorized");
        assertProblem(
                api().post("/api/bills", introduction("hr4-119", "2025-01-03").replace("\"title\"", "\"titel\"")),
                400,
                "invalid-fact");
        assertProblem(api().post("/api/bills", introduction("hr5-119", "not-a-date")), 400, "invalid-fact");
        assertProblem(api().post("/api/bills", introduction("xx5-119", "2025-01-03")), 400, "invalid-fact");

        String huge =
                introduction("hr6-119", "2025-01-03").replace("\"title\": \"", "\"title\": \"" + "x".repeat(2_000_000));
        assertProblem(api().post("/api/bills", huge), 413, "body-too-large");

        assertThat(storedEvents()).isEqualTo(before);
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").asText()).isEqualTo("/problems/" + type);
        assertThat(response.body().get("detail").asText()).isNotBlank();
    }

    @Test
    void aBatchAppendsAllItsFactsOrNone() {
        Provenance provenance = new Provenance(Instant.EPOCH, Instant.EPOCH, "test", "tester");
        IntroduceBill first = new IntroduceBill("hr7001-119", "Batch one", LocalDate.of(2025, 4, 1), null, provenance);
        IntroduceBill second = new IntroduceBill("hr7002-119", "Batch two", LocalDate.of(2025, 4, 1), null, provenance);
        RecordBillAction beforeIntroduction = new RecordBillAction(
                "hr7002-119",
                new BillAction(LocalDate.of(2025, 3, 1), null, "Too early.", null, null, null, null, null),
                provenance);
        long before = storedEvents();

        assertThatThrownBy(() -> batch.sendAll(List.of(first, second, beforeIntroduction)))
                .isInstanceOf(FactRejected.class);
        assertThat(storedEvents()).isEqualTo(before);

        batch.sendAll(List.of(first, second));
        assertThat(storedEvents()).isEqualTo(before + 2);
    }

    @Test
    void healthAndTheRelayLagAreExposed() {
        assertThat(api().get("/actuator/health").body().path("status").asText()).isEqualTo("UP");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        api().as(TestServers.TOKEN, "GET", "/actuator/metrics/tracker.relay.lag", null)
                                .body()
                                .at("/measurements/0/value")
                                .asDouble())
                .isZero());
    }

    /** What this instance holds of the stream is for operators, and outside readiness. */
    @Test
    void theStreamComponentShowsThePartitionsAndSegmentsHeld() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode stream = api().as(TestServers.TOKEN, "GET", "/actuator/health/stream", null)
                    .body();
            assertThat(stream.path("status").asText()).isEqualTo("UP");
            assertThat(stream.at("/details/projection/partitions").size()).isPositive();
            assertThat(stream.at("/details/relay/segments").size()).isEqualTo(2);
        });
        assertThat(api().get("/actuator/health/readiness")
                        .body()
                        .path("components")
                        .has("stream"))
                .isFalse();
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() {
        Api.Response doc = api().get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body().get("paths").has("/api/bills/{billId}/actions")).isTrue();
        assertThat(doc.body().get("paths").has("/api/measures/{measureId}/history"))
                .isTrue();
    }
}
