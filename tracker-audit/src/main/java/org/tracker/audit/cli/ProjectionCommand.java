package org.tracker.audit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./tracker replay [--compare-only]} and {@code ./tracker checksum}: has the running tracker rebuild its measure
 * projection from the event store, following it until it ends, or prints the live projection's checksum.
 *
 * <p>Exits 0 when the rebuilt projection equals the live one or replaced it, 1 when {@code --compare-only} found them
 * different, 2 when it could not run.
 */
public final class ProjectionCommand {

    static final int DONE = 0;
    static final int DIFFERENT = 1;
    static final int CANNOT_RUN = 2;

    private static final String USAGE = "usage: ./tracker replay [--compare-only] | ./tracker checksum\n"
            + "  replay          rebuild the measure projection from the event store while the live one keeps\n"
            + "                  answering, compare the two by checksum, and put the rebuilt rows in place\n"
            + "  --compare-only  rebuild and compare, but leave the live rows as they are\n"
            + "  checksum        print the live projection's checksum (SHA-256 of its rows in id order)\n"
            + "The tracker is at $TRACKER_URL (default http://localhost:8080); an operator's token is read from\n"
            + "$TRACKER_API_TOKEN.";

    private static final String PATH = "api/admin/projections/measures/";
    private static final Duration POLL_EVERY = Duration.ofMillis(500);

    private final TrackerApi tracker;

    private ProjectionCommand(TrackerApi tracker) {
        this.tracker = tracker;
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    /** The whole command, with its environment and output given, so that it can be run inside a test. */
    public static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        boolean replay = args.equals(List.of("replay")) || args.equals(List.of("replay", "--compare-only"));
        if (!replay && !args.equals(List.of("checksum"))) {
            err.println(USAGE);
            return CANNOT_RUN;
        }
        Optional<TrackerApi> tracker = TrackerApi.fromEnvironment(environment);
        if (tracker.isEmpty()) {
            err.println("tracker " + args.get(0) + ": set TRACKER_API_TOKEN to an operator's API token (./tracker run"
                    + " shows one on its first start)");
            return CANNOT_RUN;
        }
        ProjectionCommand command = new ProjectionCommand(tracker.get());
        try {
            return replay ? command.replay(!args.contains("--compare-only"), out, err) : command.checksum(out);
        } catch (TrackerApi.CannotRun e) {
            err.println("tracker " + args.get(0) + ": " + e.getMessage());
            return CANNOT_RUN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("tracker " + args.get(0) + ": interrupted");
            return CANNOT_RUN;
        }
    }

    private int checksum(PrintStream out) throws InterruptedException {
        JsonNode checksum = call("GET", "checksum", 200);
        out.printf(
                "measures: %,d rows, sha256 %s (at %s)%n",
                checksum.get("rows").asLong(),
                checksum.get("sha256").asText(),
                checksum.get("computedAt").asText());
        return DONE;
    }

    private int replay(boolean replace, PrintStream out, PrintStream err) throws InterruptedException {
        JsonNode status = call("POST", "rebuild?replace=" + replace, 202);
        ProgressLine progress = ProgressLine.onStandardError(err);
        while (status.get("state").asText().equals("RUNNING")) {
            progress.show("rebuilding: %,d of about %,d events read, %,.0f/s"
                    .formatted(
                            status.get("eventsRead").asLong(),
                            status.get("storeHead").asLong(),
                            status.get("eventsPerSecond").asDouble()));
            Thread.sleep(POLL_EVERY.toMillis());
            status = call("GET", "rebuild", 200);
        }
        progress.end();
        if (!status.get("state").asText().equals("DONE")) {
            throw new CannotRun("the rebuild failed: " + status.path("error").asText("see the tracker's log"));
        }
        JsonNode outcome = status.get("outcome");
        out.printf(
                "rebuilt from %,d events at %,.0f events/s: %,d rows%n",
                status.get("eventsRead").asLong(),
                status.get("eventsPerSecond").asDouble(),
                outcome.at("/rebuilt/rows").asLong());
        out.println("rebuilt checksum: " + outcome.at("/rebuilt/sha256").asText());
        out.println("live checksum:    " + outcome.at("/live/sha256").asText());
        boolean equal = outcome.get("equal").asBoolean();
        if (equal) {
            out.println("equal: the live projection holds exactly what the event store gives");
        } else {
            out.println("different in " + outcome.get("differingMeasures")
                    + (outcome.get("differingMeasures").size() == 10 ? " and maybe more" : ""));
            out.println(
                    outcome.get("replaced").asBoolean()
                            ? "replaced: the live projection now holds the rebuilt rows"
                            : "left as they were (--compare-only)");
        }
        out.flush();
        return equal || outcome.get("replaced").asBoolean() ? DONE : DIFFERENT;
    }

    private JsonNode call(String method, String path, int expected) throws InterruptedException {
        return tracker.call(method, PATH + path, null, expected);
    }

    /** The rebuild did not end well. */
    private static final class CannotRun extends TrackerApi.CannotRun {
        CannotRun(String message) {
            super(message);
        }
    }
}
