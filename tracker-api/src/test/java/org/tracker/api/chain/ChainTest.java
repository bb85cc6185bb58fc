package org.tracker.api.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tracker.api.Api;
import org.tracker.api.TestServers;
import org.tracker.api.batch.CommandBatch;
import org.tracker.audit.cli.VerifyCommand;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.IntroduceBill;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.RecordBillAction;

/**
 * The chain on real PostgreSQL: facts posted through the API are linked as they are stored, and editing, deleting or
 * inserting a row of the event table by SQL is named by the walk and by {@code ./tracker verify}. Each test tampers
 * with measures of its own and puts the table back, so that the others find the store intact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChainTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandBatch batch;

    @TempDir
    Path files;

    Api api() {
        return new Api(port);
    }

    /** Introduces a bill and records two actions on it: events at sequences 0 to 3 (the referral changes status). */
    void bill(String id) {
        assertThat(api().post(
                                "/api/bills",
                                """
                        {"billId": "%s", "title": "Chain test bill", "introducedOn": "2025-02-12"}
                        """
                                        .formatted(id))
                        .status())
                .isEqualTo(201);
        assertThat(api().post(
                                "/api/bills/" + id + "/actions",
                                """
                        {"action": {"date": "2025-02-12", "text": "Referred to the House Committee on Foreign Affairs.",
                                    "source": "HOUSE_FLOOR"}}
                        """)
                        .status())
                .isEqualTo(201);
        assertThat(api().post(
                                "/api/bills/" + id + "/actions",
                                """
                        {"action": {"date": "2025-03-04", "text": "Hearings held.", "source": "HOUSE_COMMITTEE"}}
                        """)
                        .status())
                .isEqualTo(201);
    }

    JsonNode walk() {
        Api.Response walk = api().as(TestServers.TOKEN, "GET", "/api/admin/chain", null);
        assertThat(walk.status()).as(walk.body().toString()).isEqualTo(200);
        return walk.body();
    }

    void assertIntact() {
        JsonNode walk = walk();
        assertThat(walk.get("intact").asBoolean()).as(walk.toString()).isTrue();
        assertThat(walk.get("eventsChecked").asLong())
                .isEqualTo(jdbc.queryForObject("select count(*) from domainevententry", Long.class));
    }

    /** The first problem the walk finds, after checking that the command line names it too and exits 1. */
    String firstProblem() {
        JsonNode walk = walk();
        assertThat(walk.get("intact").asBoolean()).as(walk.toString()).isFalse();
        String description = walk.at("/firstProblem/description").asText();
        Verified verified = verify();
        assertThat(verified.exit()).as(verified.out()).isEqualTo(1);
        assertThat(verified.out()).contains("TAMPERED: " + description);
        return description;
    }

    long globalIndex(String measure, long sequence) {
        return jdbc.queryForObject(
                "select globalindex from domainevententry where aggregateidentifier = ? and sequencenumber = ?",
                Long.class,
                measure,
                sequence);
    }

    @Test
    void factsPostedAndBatchedAreLinkedAndTheStoreVerifiesIntact() {
        bill("hr8101-119");
        Provenance provenance = new Provenance(Instant.EPOCH, Instant.EPOCH, "test", "tester");
        BillAction referral = new BillAction(
                LocalDate.of(2025, 4, 2),
                null,
                "Referred to the Committee on Armed Services.",
                null,
                null,
                null,
                null,
                null);
        batch.sendAll(List.of(
                new IntroduceBill("hr8102-119", "Batch one", LocalDate.of(2025, 4, 1), null, provenance),
                new IntroduceBill("hr8103-119", "Batch two", LocalDate.of(2025, 4, 1), null, provenance),
                new RecordBillAction("hr8102-119", referral, provenance),
                new RecordBillAction("hr8103-119", referral, provenance)));

        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry e join event_chain c on c.global_index = e.globalindex"
                                + " and c.aggregate_identifier = e.aggregateidentifier"
                                + " and c.sequence_number = e.sequencenumber",
                        Long.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from domainevententry", Long.class));
        assertThat(jdbc.queryForObject(
                        "select sequence_number from event_chain_head where aggregate_identifier = 'hr8103-119'",
                        Long.class))
                .isEqualTo(2);
        assertIntact();

        Verified verified = verify();
        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.out())
                .contains("intact: ")
                .contains("ledger digest: " + walk().get("ledgerDigest").asText());
        assertThat(verified.err()).contains("verifying: 0 events checked (0%)");
        assertThat(api().as(TestServers.TOKEN, "GET", "/api/admin/chain/digest", null)
                        .body()
                        .get("ledgerDigest")
                        .asText())
                .isEqualTo(walk().get("ledgerDigest").asText());
    }

    @Test
    void aPayloadEditedBySqlIsNamedAsAltered() {
        bill("hr8201-119");
        long edited = globalIndex("hr8201-119", 1);
        byte[] original =
                jdbc.queryForObject("select payload from domainevententry where globalindex = ?", byte[].class, edited);
        jdbc.update(
                "update domainevententry set payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                        + " 'Foreign Affairs', 'Armed Services'), 'UTF8') where globalindex = ?",
                edited);
        try {
            assertThat(firstProblem())
                    .isEqualTo("event " + edited + " (measure hr8201-119, sequence 1) was altered: its stored row no"
                            + " longer matches its hash");
        } finally {
            jdbc.update("update domainevententry set payload = ? where globalindex = ?", original, edited);
        }
        assertIntact();
    }

    @Test
    void aRowDeletedBySqlIsNamedAsRemoved() {
        bill("hr8301-119");
        long middle = globalIndex("hr8301-119", 1);
        Map<String, Object> row = jdbc.queryForMap("select * from domainevententry where globalindex = ?", middle);
        jdbc.update("delete from domainevententry where globalindex = ?", middle);
        try {
            assertThat(firstProblem()).isEqualTo("event " + middle + " (measure hr8301-119, sequence 1) was removed");
        } finally {
            restore(row);
        }
        assertIntact();
    }

    @Test
    void aMeasuresNewestEventDeletedBySqlIsNamedAsRemoved() {
        bill("hr8401-119");
        long newest = jdbc.queryForObject(
                "select max(globalindex) from domainevententry where aggregateidentifier = 'hr8401-119'", Long.class);
        long sequence = jdbc.queryForObject(
                "select sequencenumber from domainevententry where globalindex = ?", Long.class, newest);
        Map<String, Object> row = jdbc.queryForMap("select * from domainevententry where globalindex = ?", newest);
        jdbc.update("delete from domainevententry where globalindex = ?", newest);
        try {
            assertThat(firstProblem())
                    .isEqualTo("event " + newest + " (measure hr8401-119, sequence " + sequence + ") was removed");
        } finally {
            restore(row);
        }
        assertIntact();
    }

    @Test
    void aRowInsertedBySqlIsNamedAsInserted() {
        bill("hr8501-119");
        long newest = jdbc.queryForObject(
                "select max(globalindex) from domainevententry where aggregateidentifier = 'hr8501-119'", Long.class);
        long inserted = jdbc.queryForObject(
                "insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,"
                        + " payload, payloadrevision, payloadtype, timestamp) select aggregateidentifier,"
                        + " sequencenumber + 1, type, 'forged-' || eventidentifier, metadata, payload,"
                        + " payloadrevision, payloadtype, timestamp from domainevententry where globalindex = ?"
                        + " returning globalindex",
                Long.class,
                newest);
        long sequence = jdbc.queryForObject(
                "select sequencenumber from domainevententry where globalindex = ?", Long.class, inserted);
        try {
            assertThat(firstProblem())
                    .isEqualTo("event " + inserted + " (measure hr8501-119, sequence " + sequence + ") was inserted"
                            + " behind the tracker's back: it has no link in the chain");
        } finally {
            jdbc.update("delete from domainevententry where globalindex = ?", inserted);
        }
        assertIntact();
    }

    @Test
    void anExportOfAMeasureVerifiesOfflineUntilOneByteOfAPayloadChanges() throws Exception {
        bill("hr8601-119");
        HttpResponse<String> export = get("/api/admin/export?measure=hr8601-119");
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        List<String> lines = new ArrayList<>(export.body().lines().toList());
        assertThat(lines).hasSize(1 + 4 + 1);
        Path file = Files.write(files.resolve("hr8601-119.jsonl"), lines);

        Verified intact = verify(file.toString());
        assertThat(intact.exit()).as(intact.out()).isZero();
        assertThat(intact.out())
                .contains("intact, 4 events: every event of measure hr8601-119")
                .contains("its newest event when exported");

        ObjectNode second = (ObjectNode) JSON.readTree(lines.get(2));
        byte[] payload = Base64.getDecoder().decode(second.get("payloadBytes").asText());
        int at = new String(payload, StandardCharsets.UTF_8).indexOf("Foreign");
        payload[at] = (byte) 'f';
        second.put("payloadBytes", Base64.getEncoder().encodeToString(payload));
        lines.set(2, JSON.writeValueAsString(second));
        Path tampered = Files.write(files.resolve("tampered.jsonl"), lines);

        Verified found = verify(tampered.toString());
        assertThat(found.exit()).as(found.out()).isEqualTo(1);
        assertThat(found.out())
                .contains("line 3: event " + globalIndex("hr8601-119", 1)
                        + " (measure hr8601-119, sequence 1) was altered: its bytes no longer match its hash");
    }

    @Test
    void anExportOfATimeRangeVerifiesOffline() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        bill("hr8701-119");
        HttpResponse<String> export =
                get("/api/admin/export?from=" + before + "&to=" + Instant.now().plusSeconds(60));
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        Path file = Files.writeString(files.resolve("range.jsonl"), export.body());

        Verified verified = verify(file.toString());

        assertThat(verified.exit()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("hr8701-119: sequence 0");
    }

    @Test
    void anExportAsksForAKnownMeasureOrAValidRange() throws Exception {
        assertThat(get("/api/admin/export?measure=hr99999-119").statusCode()).isEqualTo(404);
        HttpResponse<String> neither = get("/api/admin/export");
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(neither.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/api/admin/export?from=yesterday&to=2026-01-01T00:00:00Z")
                        .statusCode())
                .isEqualTo(400);
    }

    private void restore(Map<String, Object> row) {
        jdbc.update(
                "insert into domainevententry (globalindex, aggregateidentifier, sequencenumber, type,"
                        + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("globalindex"),
                row.get("aggregateidentifier"),
                row.get("sequencenumber"),
                row.get("type"),
                row.get("eventidentifier"),
                row.get("metadata"),
                row.get("payload"),
                row.get("payloadrevision"),
                row.get("payloadtype"),
                row.get("timestamp"));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + TestServers.TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    record Verified(int exit, String out, String err) {}

    /** {@code ./tracker verify} as the command line runs it, against this tracker. */
    private Verified verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(
                List.of(args),
                Map.of("TRACKER_URL", "http://localhost:" + port, "TRACKER_API_TOKEN", TestServers.TOKEN),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Verified(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
