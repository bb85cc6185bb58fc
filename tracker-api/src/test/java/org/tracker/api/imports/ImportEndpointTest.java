package org.tracker.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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
import org.tracker.imports.Fixtures;
import org.tracker.imports.Fixtures.Expected;
import org.tracker.imports.cli.ImportCommand;

/**
 * {@code POST /api/imports} on real servers: the real BILLSTATUS files reach the projection with the statuses of the
 * public record; repeated, newer and older files; hostile files in a batch; and what a bad request gets.
 *
 * <p>The tests share one store, so each imports bills no other test does: a fixture renumbered when it must start
 * from nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportEndpointTest {

    /** Room for the largest fixture, H.R. 2822 of the 114th Congress at 1.1 MB, over the default 1 MiB. */
    private static final int BODY_LIMIT = 2 * 1024 * 1024;

    /** Still room for that fixture, and two files over it fit in one upload. */
    private static final int FILE_LIMIT = 1536 * 1024;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
        registry.add("tracker.max-import-bytes", () -> BODY_LIMIT);
        registry.add("tracker.import.max-file-bytes", () -> FILE_LIMIT);
        registry.add("tracker.import.max-bytes-in-flight", () -> BODY_LIMIT);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    record Answer(int status, String contentType, JsonNode body, String retryAfter) {

        JsonNode result() {
            return body.at("/results/0");
        }
    }

    @Test
    void everyBillStatusFixtureImportsAndReachesTheStatusOfThePublicRecord() {
        List<Expected> expected = Fixtures.expected();
        for (Expected row : expected) {
            Answer answer = postFile(row.file(), ImportFixtures.file(row.file()));

            assertThat(answer.status()).as(row.file() + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.result().get("measureId").asText()).isEqualTo(row.billId());
            if (row.file().equals("BILLSTATUS-114hr3106.xml")) {
                assertThat(answer.result().get("leftOut").toString())
                        .as("a hearing before the introduction, which the bill's aggregate refuses")
                        .contains("Hearings Held by the Subcommittee on Health Prior to Introduction");
            } else {
                assertThat(answer.result().get("leftOut")).as(row.file()).isEmpty();
            }
        }

        Api api = new Api(port);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (Expected row : expected) {
                Api.Response measure = api.get("/api/measures/" + row.billId());
                assertThat(measure.status()).as(row.file()).isEqualTo(200);
                assertThat(measure.body().get("status").asText()).as(row.file()).isEqualTo(row.finalStatus());
            }
        });
    }

    @Test
    void theSameFileTwiceAppendsNothing() {
        byte[] file = ImportFixtures.renumbered("BILLSTATUS-114hr1531.xml", 91531);

        Answer first = postFile("BILLSTATUS-114hr1531.xml", file);
        long stored = events("hr91531-114");
        Answer again = postFile("BILLSTATUS-114hr1531.xml", file);

        assertThat(first.result().get("outcome").asText()).isEqualTo("CREATED");
        assertThat(first.body().get("measuresCreated").asInt()).isEqualTo(1);
        assertThat(first.body().get("eventsAppended").asLong())
                .isEqualTo(stored)
                .isGreaterThan(20);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.result().get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(again.body().get("eventsAppended").asLong()).isZero();
        assertThat(again.body().get("unchanged").asInt()).isEqualTo(1);
        assertThat(events("hr91531-114")).isEqualTo(stored);
    }

    @Test
    void bothGenerationsOfS35GiveOneMeasureAndAnOlderFileAfterANewerChangesNothing() {
        Answer legacy =
                postFile("BILLSTATUS-117s35.v1.xml", ImportFixtures.renumbered("BILLSTATUS-117s35.v1.xml", 9035));
        Answer current =
                postFile("BILLSTATUS-117s35.v3.xml", ImportFixtures.renumbered("BILLSTATUS-117s35.v3.xml", 9035));

        assertThat(legacy.result().get("outcome").asText()).isEqualTo("CREATED");
        assertThat(current.result().get("measureId").asText()).isEqualTo("s9035-117");
        assertThat(current.result().get("outcome").asText()).isIn("UPDATED", "UNCHANGED");
        assertThat(current.body().get("measuresCreated").asInt()).isZero();
        assertThat(events("s9035-117"))
                .isEqualTo(legacy.body().get("eventsAppended").asLong()
                        + current.body().get("eventsAppended").asLong());
        assertThat(jdbc.queryForObject(
                        "select count(distinct aggregateidentifier) from domainevententry"
                                + " where aggregateidentifier like 's9035-%'",
                        Long.class))
                .isEqualTo(1);

        Answer newer =
                postFile("BILLSTATUS-117s35.v3.xml", ImportFixtures.renumbered("BILLSTATUS-117s35.v3.xml", 9036));
        long known = events("s9036-117");
        Answer older =
                postFile("BILLSTATUS-117s35.v1.xml", ImportFixtures.renumbered("BILLSTATUS-117s35.v1.xml", 9036));

        assertThat(newer.result().get("outcome").asText()).isEqualTo("CREATED");
        assertThat(older.status()).isEqualTo(200);
        assertThat(older.result().get("outcome").asText()).isEqualTo("OLDER");
        assertThat(older.body().get("eventsAppended").asLong()).isZero();
        assertThat(older.body().get("unchanged").asInt()).isEqualTo(1);
        assertThat(events("s9036-117")).isEqualTo(known);
        assertThat(jdbc.queryForObject(
                        "select updated_at from import_bill_update where bill_id = 's9036-117'", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.parse("2022-09-07T13:36:03Z"));

        Api api = new Api(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.get("/api/measures/s9035-117").body().path("status").asText())
                    .isEqualTo("PASS_OVER:SENATE");
            assertThat(api.get("/api/measures/s9036-117").body().path("status").asText())
                    .isEqualTo("PASS_OVER:SENATE");
        });
    }

    @Test
    void hostileFilesAreRefusedByNameAndAppendNothingWhileTheRestOfTheBatchImports() {
        long before = events();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("BILLSTATUS-117s9037.xml", ImportFixtures.renumbered("BILLSTATUS-117s35.v3.xml", 9037));
        files.put("xxe.xml", ImportFixtures.withExternalEntity());
        files.put("laughs.xml", ImportFixtures.houseRollCallWithEntityExpansion());
        files.put("vote_118_2_00292.xml", ImportFixtures.senateRollCall());
        files.put("roll209.xml", ImportFixtures.houseRollCall());

        Answer answer = upload(files);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().get("files").asInt()).isEqualTo(5);
        assertThat(answer.body().get("measuresCreated").asInt()).isEqualTo(3);
        assertThat(answer.body().at("/rejected/0/file").asText()).isEqualTo("xxe.xml");
        assertThat(answer.body().at("/rejected/0/reason").asText())
                .startsWith("refused: the input declares a DOCTYPE")
                .doesNotContain("root:");
        assertThat(answer.body().at("/rejected/1/file").asText()).isEqualTo("laughs.xml");
        assertThat(answer.body().at("/rejected/1/reason").asText())
                .startsWith("refused: the DOCTYPE declares the entity 'lol'");
        assertThat(answer.body().at("/results/3/measureId").asText()).isEqualTo("vote-s118.2-292");
        assertThat(answer.body().at("/results/4/measureId").asText()).isEqualTo("vote-h118.2-209");
        assertThat(events() - before)
                .isEqualTo(answer.body().get("eventsAppended").asLong());
        assertThat(events("s9999-117")).isZero();

        Api api = new Api(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.get("/api/measures/vote-s118.2-292")
                            .body()
                            .path("status")
                            .asText())
                    .isEqualTo("FAILED");
            assertThat(api.get("/api/measures/vote-h118.2-209")
                            .body()
                            .path("status")
                            .asText())
                    .isEqualTo("CARRIED");
        });
    }

    @Test
    void aRecordWhoseFactsFailTheChecksIsRejectedWithTheReasonWhileTheRestImports() {
        long before = events();
        String record =
                new String(ImportFixtures.renumbered("BILLSTATUS-114hjres45.xml", 9045), StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(
                "future.xml",
                record.replaceFirst("<actionDate>2015-05-01</actionDate>", "<actionDate>9999-12-31</actionDate>")
                        .getBytes(StandardCharsets.UTF_8));
        files.put(
                "control.xml",
                record.replace("<title>Proposing", "<title>&#x9B;Proposing")
                        .replaceFirst("<billNumber>9045</billNumber>", "<billNumber>9046</billNumber>")
                        .getBytes(StandardCharsets.UTF_8));
        files.put("roll209.xml", ImportFixtures.houseRollCall());

        Answer answer = upload(files);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().at("/rejected/0/file").asText()).isEqualTo("future.xml");
        assertThat(answer.body().at("/rejected/0/reason").asText())
                .as("the titles and the newest action take effect on the newest action's day")
                .contains("9999-12-31", "lies");
        assertThat(answer.body().at("/rejected/1/file").asText()).isEqualTo("control.xml");
        assertThat(answer.body().at("/rejected/1/reason").asText()).contains("U+009B");
        assertThat(events("hjres9045-114")).isZero();
        assertThat(events("hjres9046-114")).isZero();
        assertThat(events() - before)
                .isEqualTo(answer.body().get("eventsAppended").asLong());
    }

    @Test
    void aRequestWhoseOnlyFileIsRefusedIsAProblemNamingTheFile() {
        long before = events();

        Answer answer = postFile("xxe.xml", ImportFixtures.withExternalEntity());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asText()).isEqualTo("/problems/import-rejected");
        assertThat(answer.body().get("detail").asText()).startsWith("xxe.xml: refused: the input declares a DOCTYPE");
        assertThat(answer.body().at("/summary/rejected/0/file").asText()).isEqualTo("xxe.xml");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theCommandLinePostsEachFileWithAProgressBarAndPrintsTheSummary(@TempDir Path files) throws IOException {
        Files.write(files.resolve("a.xml"), ImportFixtures.renumbered("BILLSTATUS-114hjres45.xml", 945));
        Files.write(files.resolve("b.xml"), ImportFixtures.withExternalEntity());
        Files.write(files.resolve("c.xml"), ImportFixtures.renumbered("BILLSTATUS-114s469.xml", 9469));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long before = events();

        int exit = ImportCommand.run(
                List.of(files.toString()),
                Map.of("TRACKER_URL", "http://localhost:" + port, "TRACKER_API_TOKEN", TestServers.TOKEN),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as("a file was rejected").isEqualTo(1);
        long appended = events() - before;
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(String.format(
                        "3 files sent to http://localhost:%d/: 2 measures created, %,d events appended, 0 unchanged,"
                                + " 1 rejected%nrejected b.xml: refused: the input declares a DOCTYPE; a BILLSTATUS"
                                + " file has none, and DTDs and entities are not accepted%n",
                        port, appended));
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("] 3/3 files, " + String.format("%,d", appended) + " events appended, 1 rejected");
    }

    @Test
    void badRequestsAreProblems() {
        byte[] file = ImportFixtures.file("BILLSTATUS-114hjres45.xml");

        assertThat(send("/api/imports?name=a.xml", "application/xml", file, null)
                        .status())
                .isEqualTo(401);
        Answer tooLarge = postFile("large.xml", new byte[BODY_LIMIT + 1]);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(upload(Map.of("large.xml", new byte[BODY_LIMIT + 1])).status())
                .isEqualTo(413);
        Answer empty = postFile("empty.xml", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("detail").asText()).startsWith("The body is empty");
        Answer unnamed = send("/api/imports", "application/xml", file, TestServers.TOKEN);
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.contentType()).startsWith("application/problem+json");
        assertThat(send("/api/imports?name=a.json", "application/json", file, TestServers.TOKEN)
                        .status())
                .isEqualTo(415);
    }

    @Test
    void anUploadWithABadFileAnswersWithTheSummaryNamingItWhileTheGoodFileImports() {
        long before = events();
        // Tomcat refuses a part whose headers exceed 512 bytes, so a name too long to record never arrives.
        String controlled = "roll\t209.xml";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("BILLSTATUS-114hjres9452.xml", ImportFixtures.renumbered("BILLSTATUS-114hjres45.xml", 9452));
        files.put(controlled, ImportFixtures.houseRollCall());
        files.put("omnibus.xml", new byte[FILE_LIMIT + 1]);

        Answer answer = upload(files);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().get("files").asInt()).isEqualTo(3);
        assertThat(answer.body().get("measuresCreated").asInt()).isEqualTo(1);
        assertThat(answer.body().at("/results/0/measureId").asText()).isEqualTo("hjres9452-114");
        assertThat(answer.body().at("/rejected/0/file").asText()).isEqualTo("roll?209.xml");
        assertThat(answer.body().at("/rejected/0/reason").asText()).contains("no control characters");
        assertThat(answer.body().at("/rejected/1/file").asText()).isEqualTo("omnibus.xml");
        assertThat(answer.body().at("/rejected/1/reason").asText())
                .isEqualTo("refused: the input has more than the limit of " + FILE_LIMIT
                        + " bytes for a file of the official record");
        assertThat(events() - before)
                .isEqualTo(answer.body().get("eventsAppended").asLong());
        assertThat(events("hjres9452-114")).isPositive();
    }

    @Test
    void aBodyOverTheFileLimitIsRefusedWithoutBeingReadWhole() throws Exception {
        Answer declared = postFile("omnibus.xml", new byte[FILE_LIMIT + 1]);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.body().get("type").asText()).isEqualTo("/problems/file-too-large");

        long offered = 64L * 1024 * 1024;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/imports?name=endless.xml HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + TestServers.TOKEN
                            + "\r\nContent-Type: application/xml\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                byte[] header = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < offered) {
                        out.write(header);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent.addAndGet(chunk.length);
                    }
                } catch (IOException closedByTheServer) {
                    // What a refused client sees once the server has stopped reading.
                }
            });
            writer.start();

            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            writer.join(Duration.ofSeconds(60).toMillis());

            assertThat(statusLine).startsWith("HTTP/1.1 413");
            assertThat(writer.isAlive())
                    .as("the server stopped reading and closed the connection")
                    .isFalse();
            assertThat(sent.get()).as("bytes the server let in").isLessThan(offered / 4);
        }
    }

    @Test
    void importsBeyondTheBytesInFlightAreAskedToComeBackLater() throws Exception {
        byte[] unreadable = new byte[BODY_LIMIT - FILE_LIMIT + 1];
        try (Socket slow = new Socket("127.0.0.1", port)) {
            // A client that declares a large file and then sends it slowly holds its reservation all the while.
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/imports?name=slow.xml HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + TestServers.TOKEN + "\r\nContent-Type: application/xml\r\nContent-Length: "
                            + FILE_LIMIT + "\r\n\r\n<?xml")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            Answer[] busy = new Answer[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                busy[0] = postFile("unreadable.xml", unreadable);
                return busy[0].status() == 503;
            });

            assertThat(busy[0].contentType()).startsWith("application/problem+json");
            assertThat(busy[0].body().get("type").asText()).isEqualTo("/problems/imports-busy");
            assertThat(busy[0].body().get("detail").asText()).contains("send this one again in 5 seconds");
            assertThat(busy[0].retryAfter()).isEqualTo("5");
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        postFile("unreadable.xml", unreadable).status())
                .as("the slow client's bytes are released once it is gone")
                .isEqualTo(422));
    }

    private Answer postFile(String name, byte[] content) {
        return send(
                "/api/imports?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                "application/xml",
                content,
                TestServers.TOKEN);
    }

    /** A multipart upload, a part per file, as {@code curl -F file=@a.xml -F file=@b.xml} sends it. */
    private Answer upload(Map<String, byte[]> files) {
        String boundary = "tracker-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        files.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                            + "\"\r\nContent-Type: application/xml\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("/api/imports", "multipart/form-data; boundary=" + boundary, body.toByteArray(), TestServers.TOKEN);
    }

    private Answer send(String path, String contentType, byte[] body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body().isEmpty() ? json.nullNode() : json.readTree(response.body()),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException("request to " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    private long events(String measureId) {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ?", Long.class, measureId);
    }
}
