package org.tracker.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracker.audit.export.ExportSelection;
import org.tracker.audit.export.SampleExports;

class VerifyCommandTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    HttpServer tracker;

    @TempDir
    Path directory;

    @AfterEach
    void stopTracker() {
        if (tracker != null) {
            tracker.stop(0);
        }
    }

    int verify(Map<String, String> environment, String... args) {
        return VerifyCommand.run(
                List.of(args),
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anIntactExportExitsZeroAndPrintsItsHashes() throws IOException {
        Path file = directory.resolve("hr1229-119.jsonl");
        Files.write(file, SampleExports.measureExport());

        assertThat(verify(Map.of(), file.toString())).isZero();
        assertThat(out())
                .contains("intact, 4 events: every event of measure hr1229-119")
                .contains("hr1229-119: sequence 0 (event 1) to 3 (event 6), last hash ")
                .contains("its newest event when exported")
                .contains("ledger digest when exported: " + "cd".repeat(32));
    }

    @Test
    void aTamperedExportExitsOneNamingTheEvent() throws IOException {
        List<String> lines = SampleExports.export(SampleExports.store(), ExportSelection.ofMeasure("sjres111-118"), 0);
        lines.set(2, SampleExports.withPayloadBytes(lines.get(2), "{}"));
        Path file = directory.resolve("sjres111-118.jsonl");
        Files.write(file, lines);

        assertThat(verify(Map.of(), file.toString())).isEqualTo(1);
        assertThat(out())
                .contains("line 3: event 5 (measure sjres111-118, sequence 1) was altered: its bytes no longer match"
                        + " its hash");
    }

    @Test
    void whatCannotBeCheckedExitsTwo() {
        assertThat(verify(Map.of(), directory.resolve("missing.jsonl").toString()))
                .isEqualTo(2);
        assertThat(err()).contains("cannot read");
        assertThat(verify(Map.of())).isEqualTo(2);
        assertThat(err()).contains("TRACKER_API_TOKEN");
        assertThat(verify(Map.of(), "--all")).isEqualTo(2);
        assertThat(err()).contains("usage: ./tracker verify [FILE]");
        assertThat(verify(Map.of("TRACKER_API_TOKEN", "t", "TRACKER_URL", "http://127.0.0.1:1")))
                .isEqualTo(2);
        assertThat(err()).contains("cannot reach the tracker");
    }

    @Test
    void theTrackersWalkIsShownWithItsProgressAndDecidesTheExitCode() throws IOException {
        String found =
                """
                {"progress":{"eventsChecked":0,"percent":0}}
                {"progress":{"eventsChecked":10000,"percent":50}}
                {"report":{"intact":false,"eventsChecked":12000,"measuresChecked":30,"ledgerDigest":"%s",
                  "firstProblem":{"kind":"REMOVED","globalIndex":12001,"measure":"hr1229-119","sequenceNumber":7,
                    "description":"event 12001 (measure hr1229-119, sequence 7) was removed"}}}
                """
                        .formatted("ab".repeat(32))
                        .replace("\n  ", " ")
                        .replace("\n    ", " ");
        serve(200, found);

        assertThat(verify(tokenFor(tracker))).isEqualTo(1);
        assertThat(out())
                .contains("TAMPERED: event 12001 (measure hr1229-119, sequence 7) was removed")
                .contains("checked before it: 12,000 events of 30 measures")
                .contains("ledger digest: " + "ab".repeat(32));
        assertThat(err()).contains("verifying: 0 events checked (0%)");
    }

    @Test
    void aRefusedTokenCannotRun() throws IOException {
        serve(403, "{\"detail\": \"Only an operator's token may use /api/admin.\"}");

        assertThat(verify(tokenFor(tracker))).isEqualTo(2);
        assertThat(err()).contains("Only an operator's token may use /api/admin.", "must be an operator's");
    }

    private void serve(int status, String body) throws IOException {
        tracker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tracker.createContext("/api/admin/chain", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .add("Content-Type", status == 200 ? "application/x-ndjson" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        tracker.start();
    }

    private static Map<String, String> tokenFor(HttpServer server) {
        return Map.of(
                "TRACKER_API_TOKEN",
                "operator-token",
                "TRACKER_URL",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }
}
