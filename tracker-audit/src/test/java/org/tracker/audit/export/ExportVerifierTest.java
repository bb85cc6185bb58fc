package org.tracker.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tracker.audit.chain.ChainHash;
import org.tracker.audit.chain.ChainLink;
import org.tracker.audit.chain.EventChain;
import org.tracker.audit.chain.SampleEvents;
import org.tracker.audit.chain.StoredEvent;

class ExportVerifierTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ExportReport verify(List<String> lines) throws IOException {
        return ExportVerifier.verify(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), n -> {});
    }

    static String problem(List<String> lines) throws IOException {
        ExportReport report = verify(lines);
        assertThat(report.intact()).isFalse();
        return "line " + report.firstProblem().line() + ": "
                + report.firstProblem().description();
    }

    @Test
    void anExportOfAMeasureVerifiesAndTellsWhereItEnds() throws IOException {
        List<String> lines = SampleExports.measureExport();
        assertThat(lines).hasSize(1 + 4 + 1);

        ExportReport report = verify(lines);

        assertThat(report.intact()).as(String.valueOf(report.firstProblem())).isTrue();
        assertThat(report.eventsVerified()).isEqualTo(4);
        assertThat(report.selection().measure()).isEqualTo("hr1229-119");
        assertThat(report.measures()).singleElement().satisfies(measure -> {
            assertThat(measure.measure()).isEqualTo("hr1229-119");
            assertThat(measure.fromGlobalIndex()).isEqualTo(1);
            assertThat(measure.fromSequenceNumber()).isZero();
            assertThat(measure.toGlobalIndex()).isEqualTo(6);
            assertThat(measure.toSequenceNumber()).isEqualTo(3);
            assertThat(measure.lastHash())
                    .isEqualTo(SampleExports.store().links().get(5).hash().hex());
            assertThat(measure.currentHead()).isTrue();
        });
        assertThat(report.ledgerDigest()).isEqualTo("cd".repeat(32));
    }

    @Test
    void eachLineHoldsTheStoredBytesAndAReadableCopy() throws IOException {
        ObjectNode line =
                (ObjectNode) JSON.readTree(SampleExports.measureExport().get(2));
        assertThat(line.get("globalIndex").asLong()).isEqualTo(2);
        assertThat(line.get("measure").asText()).isEqualTo("hr1229-119");
        assertThat(line.get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(new String(
                        Base64.getDecoder().decode(line.get("payloadBytes").asText()), StandardCharsets.UTF_8))
                .isEqualTo("{\"billId\":\"hr1229-119\",\"n\":1}");
        assertThat(line.at("/payload/n").asInt()).isEqualTo(1);
        assertThat(line.get("previousHash").asText())
                .isEqualTo(SampleExports.store().links().get(0).hash().hex());
    }

    @Test
    void oneByteOfAPayloadChangedIsNamed() throws IOException {
        List<String> lines = SampleExports.measureExport();
        lines.set(3, SampleExports.withPayloadBytes(lines.get(3), "{\"billId\":\"hr1229-119\",\"n\":3}"));

        assertThat(problem(lines))
                .isEqualTo("line 4: event 4 (measure hr1229-119, sequence 2) was altered: its bytes no longer match"
                        + " its hash");
    }

    @Test
    void aReadableCopyThatSaysSomethingElseIsNamed() throws IOException {
        List<String> lines = SampleExports.measureExport();
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(2));
        ((ObjectNode) line.get("payload")).put("n", 42);
        lines.set(2, JSON.writeValueAsString(line));

        assertThat(problem(lines))
                .isEqualTo("line 3: event 2 (measure hr1229-119, sequence 1) was altered: its readable payload"
                        + " differs from its stored bytes");
    }

    @Test
    void anEventEditedAndRehashedIsNamedByTheLinkAfterIt() throws IOException {
        List<String> lines = SampleExports.measureExport();
        ObjectNode line = (ObjectNode) JSON.readTree(SampleExports.withPayloadBytes(lines.get(2), "{\"forged\":1}"));
        StoredEvent forged = SampleEvents.event(2, "hr1229-119", 1, "{\"forged\":1}");
        line.put(
                "hash",
                EventChain.link(ChainHash.ofHex(line.get("previousHash").asText()), forged)
                        .hex());
        line.set("payload", JSON.readTree("{\"forged\":1}"));
        lines.set(2, JSON.writeValueAsString(line));

        assertThat(problem(lines))
                .isEqualTo("line 4: event 2 (measure hr1229-119, sequence 1) was altered: the event after it, event 4"
                        + " (measure hr1229-119, sequence 2), links to a different hash");
    }

    @Test
    void aRemovedLineIsNamedBySequence() throws IOException {
        List<String> middle = SampleExports.measureExport();
        middle.remove(3);
        assertThat(problem(middle))
                .isEqualTo("line 4: the event of measure hr1229-119 at sequence 2 was removed from the export: event 6"
                        + " (measure hr1229-119, sequence 3) does not link to event 2 (measure hr1229-119, sequence"
                        + " 1)");

        List<String> first = SampleExports.measureExport();
        first.remove(1);
        assertThat(problem(first))
                .isEqualTo("line 2: the events of measure hr1229-119 before sequence 1 were removed from the export:"
                        + " event 2 (measure hr1229-119, sequence 1) comes first");

        List<String> last = SampleExports.measureExport();
        last.remove(4);
        assertThat(problem(last))
                .isEqualTo("line 5: the events of measure hr1229-119 after event 4 (measure hr1229-119, sequence 2)"
                        + " were removed from the export: the closing line ends it at event 6 (measure hr1229-119,"
                        + " sequence 3)");
    }

    @Test
    void aLineInsertedWithAHashOfItsOwnIsNamed() throws IOException {
        List<String> lines = SampleExports.measureExport();
        ObjectNode genuine = (ObjectNode) JSON.readTree(lines.get(2));
        StoredEvent forged = SampleEvents.event(3, "hr1229-119", 2, "{\"forged\":1}");
        ChainLink link = new ChainLink(
                3,
                "hr1229-119",
                2,
                ChainHash.ofHex(genuine.get("hash").asText()),
                EventChain.link(ChainHash.ofHex(genuine.get("hash").asText()), forged));
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        new ExportWriter(one, ExportSelection.ofMeasure("hr1229-119"), "x").write(forged, link);
        lines.add(3, one.toString(StandardCharsets.UTF_8).split("\n")[1]);

        assertThat(problem(lines))
                .isEqualTo("line 5: event 3 (measure hr1229-119, sequence 2) was inserted: the event after it, event 4"
                        + " (measure hr1229-119, sequence 2), links past it");
    }

    @Test
    void anEventOfAnotherMeasureInAMeasuresExportIsNamed() throws IOException {
        List<String> lines = SampleExports.measureExport();
        List<String> other = SampleExports.export(SampleExports.store(), ExportSelection.ofMeasure("sjres111-118"), 0);
        lines.add(3, other.get(1));
        assertThat(problem(lines))
                .isEqualTo("line 4: event 3 (measure sjres111-118, sequence 0) does not belong to the exported measure"
                        + " hr1229-119: it was inserted");
    }

    @Test
    void aFileCutShortOrWithLinesAfterItsEndFails() throws IOException {
        List<String> cut = SampleExports.measureExport();
        cut.remove(cut.size() - 1);
        assertThat(problem(cut)).isEqualTo("line 6: the export has no closing line: it was cut short");

        List<String> longer = SampleExports.measureExport();
        longer.add(longer.get(1));
        assertThat(problem(longer))
                .isEqualTo("line 7: a line follows the closing line: lines were added to the export");

        assertThat(problem(List.of("not json"))).startsWith("line 1: the file is not a tracker export");
    }

    @Test
    void aRangeStartsWhereverItStartsLinkedToTheHashItStates() throws IOException {
        List<String> range = SampleExports.export(
                SampleExports.store(), ExportSelection.recorded("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), 4);

        ExportReport report = verify(range);

        assertThat(report.intact()).as(String.valueOf(report.firstProblem())).isTrue();
        assertThat(report.eventsVerified()).isEqualTo(4);
        assertThat(report.measures())
                .extracting(ExportedMeasure::measure)
                .containsExactly("hr1229-119", "sjres111-118");

        range.remove(2);
        assertThat(problem(range))
                .isEqualTo("line 5: the events of measure sjres111-118 from event 5 (measure sjres111-118, sequence 1)"
                        + " were removed from the export: its first event in the file is event 7 (measure"
                        + " sjres111-118, sequence 2)");
    }

    @Test
    void aFieldTheFormatDoesNotHaveIsRefused() throws IOException {
        List<String> lines = SampleExports.measureExport();
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(1));
        line.put("note", "approved by the committee");
        lines.set(1, JSON.writeValueAsString(line));
        assertThat(problem(lines)).startsWith("line 2: the line is not an event line of an export");
    }
}
