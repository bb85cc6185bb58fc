package org.tracker.audit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tracker.audit.export.ExportReport;
import org.tracker.audit.export.ExportVerifier;
import org.tracker.audit.export.ExportedMeasure;

/**
 * {@code ./tracker verify [FILE]}: without a file, has the running tracker walk its whole chain and prints the first
 * event that was altered, removed or inserted behind its back; with a file, verifies an export here.
 *
 * <p>Exits 0 when intact, 1 when tampering was found, 2 when the check could not be made (no tracker, no token, no
 * such file).
 */
public final class VerifyCommand {

    static final int INTACT = 0;
    static final int TAMPERED = 1;
    static final int CANNOT_RUN = 2;

    private static final String USAGE = "usage: ./tracker verify [FILE]\n"
            + "  without FILE  walk the event chain of the tracker at $TRACKER_URL (default http://localhost:8080)\n"
            + "                with an operator's token in $TRACKER_API_TOKEN\n"
            + "  FILE          verify an export (JSON Lines from /api/admin/export) here, without a tracker\n"
            + "Exits 0 when intact, 1 when an event was altered, removed or inserted, 2 when it cannot check.";

    private static final String DEFAULT_TRACKER = "http://localhost:8080";

    private VerifyCommand() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    /** The whole command, with its environment and output given, so that it can be run inside a test. */
    public static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.size() > 1 || args.stream().anyMatch(arg -> arg.startsWith("-"))) {
            err.println(USAGE);
            return CANNOT_RUN;
        }
        if (args.size() == 1) {
            return verifyExport(Path.of(args.get(0)), out, err);
        }
        String token = environment.get("TRACKER_API_TOKEN");
        if (token == null || token.isBlank()) {
            err.println("tracker verify: set TRACKER_API_TOKEN to an operator's API token (./tracker run shows one on"
                    + " its first start), or give an export file to verify without a tracker");
            return CANNOT_RUN;
        }
        URI tracker = URI.create(environment.getOrDefault("TRACKER_URL", DEFAULT_TRACKER));
        return new RemoteVerify(tracker, token.strip()).run(out, err);
    }

    /** {@code 1 event}, {@code 12,000 events}. */
    static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private static int verifyExport(Path file, PrintStream out, PrintStream err) {
        ProgressLine progress = ProgressLine.onStandardError(err);
        ExportReport report;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            report = ExportVerifier.verify(lines, events -> progress.showVerified(events, null));
        } catch (IOException e) {
            progress.end();
            err.println("tracker verify: cannot read " + file + ": " + e);
            return CANNOT_RUN;
        }
        progress.end();
        if (!report.intact()) {
            out.printf(
                    "%s line %d: %s%n",
                    file, report.firstProblem().line(), report.firstProblem().description());
            out.printf("verified before it: %s%n", count(report.eventsVerified(), "event"));
            out.flush();
            return TAMPERED;
        }
        out.printf(
                "%s: intact, %s: %s, exported at %s%n",
                file,
                count(report.eventsVerified(), "event"),
                report.selection().describe(),
                report.exportedAt());
        for (ExportedMeasure measure : report.measures()) {
            out.printf(
                    "  %s: sequence %d (event %d) to %d (event %d), last hash %s%s%n",
                    measure.measure(),
                    measure.fromSequenceNumber(),
                    measure.fromGlobalIndex(),
                    measure.toSequenceNumber(),
                    measure.toGlobalIndex(),
                    measure.lastHash(),
                    measure.currentHead() ? ", its newest event when exported" : "");
        }
        out.printf("ledger digest when exported: %s%n", report.ledgerDigest());
        out.println("The file is consistent in itself; compare these hashes with the tracker's, or with a digest"
                + " written down elsewhere, to know it is the tracker's record.");
        out.flush();
        return INTACT;
    }
}
