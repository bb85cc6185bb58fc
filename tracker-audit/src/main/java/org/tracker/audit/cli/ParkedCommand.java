package org.tracker.audit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./tracker parked [list [--all] [--consumer=C] [--measure=M] | show ID | retry ID | retry --measure=M |
 * discard ID --reason TEXT]}: the events the running tracker's consumers parked (ADR 10), and an operator's retry or
 * discard of them. Exits 0 when done (for {@code list}: when nothing is parked), 1 when {@code list} shows unresolved
 * events or a retry failed again, 2 when it could not run.
 */
public final class ParkedCommand {

    static final int DONE = 0;
    static final int PARKED = 1;
    static final int CANNOT_RUN = 2;

    private static final String USAGE = "usage: ./tracker parked [list [--all] [--consumer=projection|notifier]"
            + " [--measure=ID]]\n"
            + "       ./tracker parked show ID | retry ID | retry --measure=ID | discard ID --reason TEXT\n"
            + "  list     the parked events not yet retried or discarded (--all: those too)\n"
            + "  show     why an event was parked, and the event itself\n"
            + "  retry    process its measure again from the event store, once the cause is gone\n"
            + "  discard  give it up, and the later events of its measure held behind it, saying why\n"
            + "The tracker is at $TRACKER_URL (default http://localhost:8080); an operator's token is read from\n"
            + "$TRACKER_API_TOKEN.";

    private static final String PATH = "api/admin/parked";

    private final TrackerApi tracker;

    private ParkedCommand(TrackerApi tracker) {
        this.tracker = tracker;
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    /** The whole command, with its environment and output given, so that it can be run inside a test. */
    public static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        List<String> words = args.isEmpty() ? List.of("list") : args;
        Optional<TrackerApi> tracker = TrackerApi.fromEnvironment(environment);
        if (tracker.isEmpty()) {
            err.println("tracker parked: set TRACKER_API_TOKEN to an operator's API token (./tracker run shows one on"
                    + " its first start)");
            return CANNOT_RUN;
        }
        ParkedCommand command = new ParkedCommand(tracker.get());
        try {
            return switch (words.get(0)) {
                case "list" -> command.list(words.subList(1, words.size()), out);
                case "show" -> command.show(single(words), out);
                case "retry" -> command.retry(words.subList(1, words.size()), out, err);
                case "discard" -> command.discard(words.subList(1, words.size()), out);
                default -> throw new Usage();
            };
        } catch (Usage e) {
            err.println(USAGE);
            return CANNOT_RUN;
        } catch (TrackerApi.CannotRun e) {
            err.println("tracker parked: " + e.getMessage());
            return CANNOT_RUN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("tracker parked: interrupted");
            return CANNOT_RUN;
        }
    }

    private int list(List<String> options, PrintStream out) throws InterruptedException {
        StringBuilder query = new StringBuilder("?state=unresolved");
        for (String option : options) {
            if (option.equals("--all")) {
                query.replace(0, query.length(), "?state=all");
            } else if (option.startsWith("--consumer=")) {
                query.append("&consumer=").append(encode(option.substring("--consumer=".length())));
            } else if (option.startsWith("--measure=")) {
                query.append("&measure=").append(encode(option.substring("--measure=".length())));
            } else {
                throw new Usage();
            }
        }
        JsonNode events = tracker.call("GET", PATH + query, null, 200);
        int unresolved = 0;
        for (JsonNode event : events) {
            boolean open = event.path("resolution").isNull();
            unresolved += open ? 1 : 0;
            out.printf(
                    "%d\t%s\t%s#%d\t%s\t%s%n",
                    event.get("id").asLong(),
                    event.get("consumer").asText(),
                    event.get("measureId").asText(),
                    event.get("sequence").asLong(),
                    open
                            ? "PARKED"
                            : event.get("resolution").asText() + " by "
                                    + event.path("resolvedBy").asText(),
                    event.get("reason").asText());
        }
        if (events.isEmpty()) {
            out.println("nothing parked");
        }
        return unresolved == 0 ? DONE : PARKED;
    }

    private int show(String id, PrintStream out) throws InterruptedException {
        out.println(tracker.call("GET", PATH + "/" + id, null, 200).toPrettyString());
        return DONE;
    }

    private int retry(List<String> options, PrintStream out, PrintStream err) throws InterruptedException {
        if (options.size() != 1) {
            throw new Usage();
        }
        String path = options.get(0).startsWith("--measure=")
                ? PATH + "/measures/" + encode(options.get(0).substring("--measure=".length())) + "/retry"
                : PATH + "/" + number(options.get(0)) + "/retry";
        try {
            JsonNode retried = tracker.call("POST", path, null, 200);
            out.println("retried " + retried.size() + " parked events: " + summary(retried));
            return DONE;
        } catch (TrackerApi.Refused e) {
            err.println("tracker parked: " + e.getMessage());
            return e.status == 409 ? PARKED : CANNOT_RUN;
        }
    }

    private int discard(List<String> options, PrintStream out) throws InterruptedException {
        if (options.size() != 3
                || !options.get(1).equals("--reason")
                || options.get(2).isBlank()) {
            throw new Usage();
        }
        String body = JsonNodeFactory.instance
                .objectNode()
                .put("reason", options.get(2))
                .toString();
        JsonNode discarded = tracker.call("POST", PATH + "/" + number(options.get(0)) + "/discard", body, 200);
        out.println("discarded " + discarded.size() + " parked events: " + summary(discarded));
        return DONE;
    }

    private static String summary(JsonNode events) {
        StringBuilder summary = new StringBuilder();
        for (JsonNode event : events) {
            summary.append(summary.isEmpty() ? "" : ", ")
                    .append(event.get("consumer").asText())
                    .append(' ')
                    .append(event.get("measureId").asText())
                    .append('#')
                    .append(event.get("sequence").asLong());
        }
        return summary.toString();
    }

    private static String single(List<String> words) {
        if (words.size() != 2) {
            throw new Usage();
        }
        return number(words.get(1));
    }

    private static String number(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            throw new Usage();
        }
        return id;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static final class Usage extends RuntimeException {}
}
