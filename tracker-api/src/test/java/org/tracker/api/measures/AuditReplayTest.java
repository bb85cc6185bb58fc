package org.tracker.api.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tracker.api.Api;
import org.tracker.api.TestServers;
import org.tracker.api.alerts.Alerting;
import org.tracker.audit.cli.ProjectionCommand;
import org.tracker.imports.Fixtures;

/**
 * What an auditor asks of the record, on real PostgreSQL and Kafka: a measure as known at a time between its events
 * and as it stood on a day, and a projection rebuilt from the store that equals the live one and alerts nobody.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditReplayTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api() {
        return new Api(port);
    }

    @Test
    void asOfAnswersWhatWasKnownBetweenEventsAndWhatWasTrueOnADay() {
        Instant beforeAnything = Instant.now();
        assertThat(api().post("/api/bills", Alerting.introduction("hr7645-119", "2026-02-20"))
                        .status())
                .isEqualTo(201);
        Instant betweenTheTwo = Instant.now();
        assertThat(api().post("/api/bills", Alerting.introduction("hr7646-119", "2026-02-21"))
                        .status())
                .isEqualTo(201);
        assertThat(api().post("/api/bills/hr7645-119/actions", Alerting.referral("2026-03-02"))
                        .status())
                .isEqualTo(201);

        assertThat(status("/api/measures/hr7645-119?asOf=" + betweenTheTwo)).isEqualTo("INTRODUCED");
        assertThat(status("/api/measures/hr7645-119?asOf=" + Instant.now())).isEqualTo("REFERRED");
        assertThat(status("/api/measures/hr7645-119?effectiveOn=2026-03-01")).isEqualTo("INTRODUCED");
        assertThat(status("/api/measures/hr7645-119?effectiveOn=2026-03-02")).isEqualTo("REFERRED");
        assertThat(status("/api/measures/hr7645-119?asOf=" + betweenTheTwo + "&effectiveOn=2026-03-02"))
                .as("the referral of 2 March was not yet known then")
                .isEqualTo("INTRODUCED");

        Api.Response unknownThen = api().get("/api/measures/hr7645-119?asOf=" + beforeAnything);
        assertThat(unknownThen.status()).isEqualTo(404);
        assertThat(unknownThen.body().get("detail").asText()).contains("hr7645-119", beforeAnything.toString());

        assertThat(api().get("/api/measures?kind=BILL&asOf=" + betweenTheTwo).status())
                .as("every measure as of a moment reads the whole store: not for anonymous callers")
                .isEqualTo(401);
        JsonNode then = api().as(
                        TestServers.TOKEN, "GET", "/api/measures?kind=BILL&size=500&asOf=" + betweenTheTwo, null)
                .body();
        assertThat(ids(then)).contains("hr7645-119").doesNotContain("hr7646-119");

        Api.Response badTime = api().get("/api/measures/hr7645-119?asOf=yesterday");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.contentType()).startsWith("application/problem+json");
        assertThat(badTime.body().get("detail").asText()).contains("'asOf'", "yesterday");
        assertThat(api().as(TestServers.TOKEN, "GET", "/api/measures?q=ceasefire&asOf=" + betweenTheTwo, null)
                        .status())
                .isEqualTo(400);

        JsonNode fromTheStore =
                api().get("/api/measures/hr7645-119?asOf=" + Instant.now()).body();
        JsonNode live = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api().get("/api/measures/hr7645-119").body(),
                        row -> row.get("status").asText().equals("REFERRED"));
        for (String field : List.of("status", "statusSince", "lastAction", "title", "source", "details")) {
            assertThat(live.get(field))
                    .as("with neither, the live projection answers, as the store does: " + field)
                    .isEqualTo(fromTheStore.get(field));
        }
    }

    @Test
    void aRebuiltProjectionEqualsTheLiveOneAfterThousandsOfMixedEventsAndAlertsNobody() throws Exception {
        String token = account("auditor-test-subscriber");
        Api.Response subscribed = api().as(
                        token,
                        "POST",
                        "/api/subscriptions",
                        """
                {"follow": {"kind": "BILL"}, "when": [{"on": "ANY_FACT"}], "email": "staffer@example.org"}
                """);
        assertThat(subscribed.status()).as(subscribed.body().toString()).isEqualTo(201);

        List<Path> fixtures;
        try (Stream<Path> files = Files.list(Fixtures.billStatus())) {
            fixtures = files.filter(file -> file.toString().endsWith(".xml"))
                    .sorted()
                    .toList();
        }
        for (int copy = 0; copy < 2 * fixtures.size(); copy++) {
            importXml(
                    "copy-" + copy + ".xml", Fixtures.renumbered(fixtures.get(copy % fixtures.size()), 200_000 + copy));
        }
        assertThat(api().post(
                                "/api/waivers",
                                """
                        {"waiverId": "waiver-620i-audit", "statute": "FAA_620I", "citation": "22 U.S.C. 2378-1",
                         "title": "Audit test provision"}
                        """)
                        .status())
                .isEqualTo(201);
        assertThat(api().post(
                                "/api/arms-sales",
                                """
                        {"armsSaleId": "armssale-26-91", "transmittalNumber": "26-91", "recipient": "Israel",
                         "articles": "Joint Direct Attack Munition guidance kits", "valueUsd": 510000000,
                         "notifiedOn": "2026-02-02", "source": "https://www.dsca.mil/press-media/major-arms-sales"}
                        """)
                        .status())
                .isEqualTo(201);
        long stored = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
        assertThat(stored).isGreaterThan(3_000);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject("select coalesce(sum(last_sequence + 1), 0) from measure", Long.class)
                        >= stored);
        // The notifier decides its alerts in the transaction that moves its state: once its state holds every
        // stored event, no alert of the live stream is still to come.
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> jdbc.queryForObject(
                                "select coalesce(sum(last_sequence + 1), 0) from notify_measure", Long.class),
                        notified -> notified >= stored);
        long alertsBefore = alerts();
        assertThat(alertsBefore).isPositive();
        String liveChecksum = admin("GET", "/api/admin/projections/measures/checksum")
                .body()
                .get("sha256")
                .asText();

        JsonNode compared = rebuildAndWait(false);
        assertThat(compared.at("/outcome/equal").asBoolean())
                .as(compared.toString())
                .isTrue();
        assertThat(compared.at("/outcome/rebuilt/sha256").asText()).isEqualTo(liveChecksum);
        assertThat(compared.at("/outcome/rebuilt/rows").asLong()).isGreaterThan(40);
        assertThat(compared.get("eventsRead").asLong()).isEqualTo(stored);

        String altered = jdbc.queryForObject("select min(measure_id) from measure where kind = 'BILL'", String.class);
        jdbc.update("update measure set status = 'TAMPERED' where measure_id = ?", altered);
        JsonNode repaired = rebuildAndWait(true);
        assertThat(repaired.at("/outcome/equal").asBoolean()).isFalse();
        assertThat(repaired.at("/outcome/differingMeasures").toString()).contains(altered);
        assertThat(repaired.at("/outcome/replaced").asBoolean()).isTrue();
        assertThat(admin("GET", "/api/admin/projections/measures/checksum")
                        .body()
                        .get("sha256")
                        .asText())
                .as("the rebuilt rows replaced the altered one")
                .isEqualTo(liveChecksum);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, String> environment =
                Map.of("TRACKER_URL", "http://127.0.0.1:" + port, "TRACKER_API_TOKEN", TestServers.TOKEN);
        int exit = ProjectionCommand.run(
                List.of("replay", "--compare-only"),
                environment,
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("equal: the live projection holds exactly what the event store gives", liveChecksum);
        printed.reset();
        ProjectionCommand.run(
                List.of("checksum"), environment, new PrintStream(printed, true, StandardCharsets.UTF_8), System.err);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("sha256 " + liveChecksum);
        assertThat(alerts())
                .as("a rebuild reads the store, not Kafka: nobody is alerted")
                .isEqualTo(alertsBefore);
        assertThat(admin("POST", "/api/admin/projections/votes/rebuild").status())
                .isEqualTo(404);
        assertThat(api().as(token, "POST", "/api/admin/projections/measures/rebuild", null)
                        .status())
                .isEqualTo(403);
    }

    private JsonNode rebuildAndWait(boolean replace) {
        Api.Response started = admin("POST", "/api/admin/projections/measures/rebuild?replace=" + replace);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        return await().atMost(Duration.ofSeconds(120))
                .until(
                        () -> admin("GET", "/api/admin/projections/measures/rebuild")
                                .body(),
                        status -> !status.get("state").asText().equals("RUNNING"));
    }

    private long alerts() {
        return jdbc.queryForObject("select count(*) from notify_alert", Long.class);
    }

    private Api.Response admin(String method, String path) {
        return api().as(TestServers.TOKEN, method, path, null);
    }

    private String account(String id) {
        Api.Response created = api().as(
                        TestServers.TOKEN,
                        "POST",
                        "/api/admin/accounts",
                        "{\"id\": \"%s\", \"name\": \"%s\", \"email\": \"%s@example.org\"}".formatted(id, id, id));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("token").asText();
    }

    private void importXml(String name, byte[] file) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/imports?name=" + name))
                                .header("Authorization", "Bearer " + TestServers.TOKEN)
                                .header("Content-Type", "application/xml")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private String status(String path) {
        Api.Response response = api().get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body().get("status").asText();
    }

    private static List<String> ids(JsonNode measures) {
        return measures.findValuesAsText("measureId");
    }
}
