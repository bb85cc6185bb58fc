package org.tracker.imports.billstatus;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared real-data fixtures are: beside the repository, unless TRACKER_FIXTURES says otherwise. */
final class Fixtures {

    private static final String OVERRIDE = "TRACKER_FIXTURES";

    private Fixtures() {}

    static Path billStatus() {
        return directory().resolve("billstatus");
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
