package org.tracker.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tracker.api.Api;
import org.tracker.api.TestServers;
import org.tracker.imports.congressgov.PollSummary;

/** The imports that run without a request: the watched directory, and the congress.gov poller against a local API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackgroundImportsTest {

    private static final Path WATCHED = temporaryDirectory();
    private static final LocalCongressGov CONGRESS_GOV = new LocalCongressGov();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
        registry.add("tracker.import.watch-dir", WATCHED::toString);
        registry.add("tracker.import.watch-interval", () -> "200ms");
        registry.add("tracker.import.congress-gov.api-key", () -> "local-test-key");
        registry.add(
                "tracker.import.congress-gov.base-url",
                () -> CONGRESS_GOV.base().toString());
        // the poll at start is the one to watch; the test asks for the second itself
        registry.add("tracker.import.congress-gov.interval", () -> "1h");
    }

    @AfterAll
    static void stopCongressGov() {
        CONGRESS_GOV.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CongressGovPolling polling;

    @Test
    void filesThatLandInTheWatchedDirectoryAreImportedAndMovedAside() throws IOException {
        Files.write(
                WATCHED.resolve("BILLSTATUS-114hr3106.xml"),
                ImportFixtures.renumbered("BILLSTATUS-114hr3106.xml", 93106));
        Files.writeString(WATCHED.resolve("broken.xml"), "<billStatus><bill>");
        Files.writeString(WATCHED.resolve("still-copying.xml.part"), "<billStatus>");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(WATCHED.resolve("done/BILLSTATUS-114hr3106.xml")).exists();
            assertThat(WATCHED.resolve("failed/broken.xml")).exists();
            assertThat(WATCHED.resolve("failed/broken.xml.reason.txt")).exists();
        });

        assertThat(WATCHED.resolve("BILLSTATUS-114hr3106.xml")).doesNotExist();
        assertThat(WATCHED.resolve("broken.xml")).doesNotExist();
        assertThat(WATCHED.resolve("still-copying.xml.part")).exists();
        assertThat(Files.readString(WATCHED.resolve("failed/broken.xml.reason.txt"), StandardCharsets.UTF_8))
                .startsWith("not well-formed XML at line 1");
        assertThat(events("hr93106-114")).isPositive();
        Api.Response history = new Api(port).get("/api/measures/hr93106-114/history");
        assertThat(history.body().get(0).get("source").asText()).isEqualTo("BILLSTATUS-114hr3106.xml");
    }

    @Test
    void thePollerImportsWhatCongressGovChangedAndKeepsItsStateInPostgres() throws InterruptedException {
        await().atMost(Duration.ofSeconds(60)).until(() -> windowEnd() != null);
        Instant firstWindowEnd = windowEnd();
        long imported = events("hr21-117");
        assertThat(imported).isPositive();
        assertThat(jdbc.queryForObject(
                        "select content_hash from import_congress_gov_bill where bill_id = 'hr21-117'", String.class))
                .matches("[0-9a-f]{64}");

        PollSummary second = polling.poll();

        assertThat(second.windowStart()).isEqualTo(firstWindowEnd.minus(Duration.ofHours(1)));
        assertThat(second.listed()).isEqualTo(1);
        assertThat(second.changed()).isEmpty();
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(events("hr21-117")).isEqualTo(imported);
        assertThat(windowEnd()).isEqualTo(second.windowEnd()).isAfterOrEqualTo(firstWindowEnd);
        Api.Response history = new Api(port).get("/api/measures/hr21-117/history");
        assertThat(history.body().get(0).get("source").asText())
                .isEqualTo(CONGRESS_GOV.base() + "bill/117/hr/21?format=json");
    }

    private Instant windowEnd() {
        List<OffsetDateTime> ends =
                jdbc.queryForList("select window_end from import_congress_gov_window", OffsetDateTime.class);
        return ends.isEmpty() ? null : ends.get(0).toInstant();
    }

    private long events(String measureId) {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ?", Long.class, measureId);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("tracker-watched");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
