package org.tracker.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Where the shared real-data fixtures are: beside the repository, unless TRACKER_FIXTURES says otherwise. */
public final class Fixtures {

    private static final String OVERRIDE = "TRACKER_FIXTURES";

    private Fixtures() {}

    /**
     * One row of {@code billstatus/EXPECTED.tsv}: a file, its bill, the status it ends in and the status changes in
     * order.
     */
    public record Expected(String file, String billId, String finalStatus, List<String> changes) {

        @Override
        public String toString() {
            return file;
        }
    }

    public static Path billStatus() {
        return directory().resolve("billstatus");
    }

    public static Path billStatus(String file) {
        return billStatus().resolve(file);
    }

    public static Path congressApi(String file) {
        return directory().resolve("congress-api").resolve(file);
    }

    public static List<Expected> expected() {
        try {
            return Files.readAllLines(billStatus("EXPECTED.tsv")).stream()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split("\t"))
                    .map(cells -> new Expected(cells[0], cells[1], cells[2], Arrays.asList(cells[3].split(" > "))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A BILLSTATUS file as the record of another bill of the same type and Congress. Legacy files give the bill's
     * number as {@code billNumber}, after their amendments' {@code number}s; 3.0.0 files give it as their first
     * {@code number}.
     */
    public static byte[] renumbered(Path billStatusFile, int number) {
        String xml;
        try {
            xml = Files.readString(billStatusFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String element = xml.contains("<billNumber>") ? "billNumber" : "number";
        return xml.replaceFirst(
                        "<" + element + ">\\d+</" + element + ">", "<" + element + ">" + number + "</" + element + ">")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Path directory() {
        String configured = System.getProperty(OVERRIDE, System.getenv(OVERRIDE));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no shared/fixtures directory above " + Path.of("").toAbsolutePath()
                        + "; set the system property or environment variable " + OVERRIDE + " to it");
    }
}
