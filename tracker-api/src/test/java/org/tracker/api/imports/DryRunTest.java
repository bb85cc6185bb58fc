package org.tracker.api.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracker.imports.Fixtures;
import org.tracker.imports.Fixtures.Expected;
import org.tracker.imports.cli.ImportCommand;

/** {@code ./tracker import --dry-run}: no tracker, and the statuses of the public record. */
class DryRunTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsEveryFixturesBillWithTheStatusThatExpectedTsvGives() {
        int exit = dryRun(Fixtures.billStatus());

        assertThat(exit).as(err()).isZero();
        Map<String, String> printed = printed();
        List<Expected> expected = Fixtures.expected();
        assertThat(printed.keySet())
                .as("one line per measure: both files of S. 35 are one bill")
                .containsExactlyInAnyOrderElementsOf(
                        expected.stream().map(Expected::billId).distinct().toList());
        for (Expected row : expected) {
            assertThat(printed.get(row.billId())).as(row.file()).isEqualTo(row.finalStatus());
        }
    }

    @Test
    void namesARefusedFileWithItsReasonAndStillPrintsTheOthers(@TempDir Path files) throws IOException {
        Files.write(files.resolve("a-BILLSTATUS-114hjres45.xml"), ImportFixtures.file("BILLSTATUS-114hjres45.xml"));
        Files.write(files.resolve("b-xxe.xml"), ImportFixtures.withExternalEntity());
        Files.write(files.resolve("c-senate-vote.xml"), ImportFixtures.senateRollCall());
        Files.write(files.resolve("d-house-vote.xml"), ImportFixtures.houseRollCall());

        int exit = dryRun(files);

        assertThat(exit).isEqualTo(1);
        assertThat(printed())
                .containsExactly(
                        Map.entry("hjres45-114", "REFERRED"),
                        Map.entry("vote-s118.2-292", "FAILED"),
                        Map.entry("vote-h118.2-209", "CARRIED"));
        assertThat(err())
                .startsWith(files.resolve("b-xxe.xml") + ": refused: the input declares a DOCTYPE")
                .doesNotContain("root:");
    }

    @Test
    void namesAFileWhoseFactsTheTrackerWouldRefuse(@TempDir Path files) throws IOException {
        String record = new String(ImportFixtures.file("BILLSTATUS-114hjres45.xml"), StandardCharsets.UTF_8);
        Files.writeString(
                files.resolve("future.xml"),
                record.replaceFirst("<actionDate>2015-05-01</actionDate>", "<actionDate>9999-12-31</actionDate>"));

        int exit = dryRun(files);

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).isEmpty();
        assertThat(err()).startsWith(files.resolve("future.xml") + ": ").contains("9999-12-31", "lies");
    }

    private int dryRun(Path directory) {
        return ImportCommand.run(
                List.of("--dry-run", directory.toString()),
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Map<String, String> printed() {
        Map<String, String> lines = new LinkedHashMap<>();
        out.toString(StandardCharsets.UTF_8)
                .lines()
                .map(line -> line.split("\t", -1))
                .forEach(cells -> {
                    assertThat(cells).as("<id><TAB><status>").hasSize(2);
                    lines.put(cells[0], cells[1]);
                });
        return lines;
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
