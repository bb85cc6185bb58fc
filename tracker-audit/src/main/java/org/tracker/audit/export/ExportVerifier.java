package org.tracker.audit.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import org.tracker.audit.chain.ChainHash;
import org.tracker.audit.chain.ChainLink;
import org.tracker.audit.chain.EventChain;
import org.tracker.audit.chain.StoredEvent;
import org.tracker.audit.chain.Tampering;

/**
 * Verifies an export without the tracker: every event's bytes against its hash, every link against the event before
 * it in its measure, a measure's export from its first event, and the closing line against the events, so that an
 * event altered, removed, inserted or cut off the end is named. It reads the file once, line by line, and stops at
 * the first problem.
 *
 * <p>A file whose every hash was recomputed after an edit verifies too: what binds it to the store are its
 * measures' last hashes and the ledger digest, compared with the tracker or with a digest written down elsewhere.
 */
public final class ExportVerifier {

    /** How often, in events, progress is reported. */
    public static final long PROGRESS_EVERY = 10_000;

    private final LongConsumer progress;
    private final Map<String, Newest> newestOf = new HashMap<>();
    private ExportSelection selection;
    private String exportedAt;
    private ExportClosing closing;
    private long lineNumber;
    private long lastGlobalIndex = Long.MIN_VALUE;
    private long events;

    private ExportVerifier(LongConsumer progress) {
        this.progress = progress;
    }

    /**
     * @param progress told the number of events verified every {@link #PROGRESS_EVERY} events
     * @throws IOException only when the file cannot be read; whatever it holds is a finding, not an error
     */
    public static ExportReport verify(BufferedReader lines, LongConsumer progress) throws IOException {
        return new ExportVerifier(progress).run(lines);
    }

    private ExportReport run(BufferedReader lines) throws IOException {
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (lineNumber == 1) {
                    header(line);
                } else if (closing != null) {
                    throw new Found("a line follows the closing line: lines were added to the export");
                } else {
                    JsonNode node = json(line);
                    if (node.has("measures")) {
                        closing(read(node, ExportClosing.class, "the closing line"));
                    } else {
                        event(read(node, ExportedEvent.class, "an event line"));
                    }
                }
            }
            if (lineNumber == 0) {
                throw new Found("the file is empty");
            }
            if (closing == null) {
                lineNumber++;
                throw new Found("the export has no closing line: it was cut short");
            }
            return report(null);
        } catch (Found found) {
            return report(new ExportReport.Problem(lineNumber, found.getMessage()));
        }
    }

    private ExportReport report(ExportReport.Problem problem) {
        return new ExportReport(
                selection,
                exportedAt,
                events,
                closing == null ? List.of() : closing.measures(),
                closing == null ? null : closing.ledgerDigest(),
                problem);
    }

    private void header(String line) {
        ExportHeader header;
        try {
            header = ExportJson.MAPPER.readValue(line, ExportHeader.class);
        } catch (JsonProcessingException e) {
            throw new Found("the file is not a tracker export: its first line is not an export header");
        }
        if (!ExportWriter.FORMAT.equals(header.format())) {
            throw new Found("the file is not in the format this command reads (" + ExportWriter.FORMAT + "), but in '"
                    + header.format() + "'");
        }
        if (header.selection() == null) {
            throw new Found("the header does not say what was exported");
        }
        selection = header.selection();
        exportedAt = header.exportedAt();
    }

    private void event(ExportedEvent line) {
        String name = Tampering.eventName(line.globalIndex(), line.measure(), line.sequenceNumber());
        if (line.globalIndex() <= lastGlobalIndex) {
            throw new Found(name + " comes after event " + lastGlobalIndex + ": the lines are out of order");
        }
        lastGlobalIndex = line.globalIndex();
        if (selection.wholeMeasure() && !selection.measure().equals(line.measure())) {
            throw new Found(
                    name + " does not belong to the exported measure " + selection.measure() + ": it was inserted");
        }
        StoredEvent stored;
        ChainLink link;
        try {
            stored = line.stored();
            link = line.link();
        } catch (IllegalArgumentException e) {
            throw new Found(name + " was altered: " + e.getMessage());
        }
        if (link == null) {
            throw new Found(name + " has no link: the store it was exported from held it without one, as an event"
                    + " inserted behind the tracker's back");
        }
        if (!EventChain.link(link.previous(), stored).equals(link.hash())) {
            throw new Found(name + " was altered: its bytes no longer match its hash");
        }
        if (!sameJson(ExportJson.readable(stored.payload()), line.payload())) {
            throw new Found(name + " was altered: its readable payload differs from its stored bytes");
        }
        if (!sameJson(ExportJson.readable(stored.metadata()), line.metadata())) {
            throw new Found(name + " was altered: its readable metadata differs from its stored bytes");
        }
        follow(link, name);
        events++;
        if (events % PROGRESS_EVERY == 0) {
            progress.accept(events);
        }
    }

    /** Checks that the link continues its measure's chain as the file has it so far, and records it. */
    private void follow(ChainLink link, String name) {
        Newest newest = newestOf.get(link.measure());
        if (newest == null) {
            if (link.sequenceNumber() == 0 && !link.previous().equals(ChainHash.NONE)) {
                throw new Found(name + " was altered: it is its measure's first event but links to an earlier one");
            }
            if (selection.wholeMeasure() && link.sequenceNumber() != 0) {
                throw new Found("the events of measure " + link.measure() + " before sequence " + link.sequenceNumber()
                        + " were removed from the export: " + name + " comes first");
            }
        } else if (!link.previous().equals(newest.hash()) || link.sequenceNumber() != newest.sequenceNumber() + 1) {
            String before = Tampering.eventName(newest.globalIndex(), link.measure(), newest.sequenceNumber());
            if (link.previous().equals(newest.hashBefore())) {
                throw new Found(before + " was inserted: the event after it, " + name + ", links past it");
            }
            if (link.sequenceNumber() > newest.sequenceNumber() + 1) {
                throw new Found("the event of measure " + link.measure() + " at sequence "
                        + (newest.sequenceNumber() + 1) + " was removed from the export: " + name
                        + " does not link to " + before);
            }
            if (link.sequenceNumber() == newest.sequenceNumber() + 1) {
                throw new Found(before + " was altered: the event after it, " + name + ", links to a different hash");
            }
            throw new Found(name + " does not follow " + before + " in its measure: it was inserted");
        }
        newestOf.put(
                link.measure(),
                newest == null
                        ? new Newest(
                                link.globalIndex(),
                                link.sequenceNumber(),
                                link.globalIndex(),
                                link.sequenceNumber(),
                                link.hash(),
                                null)
                        : new Newest(
                                newest.firstGlobalIndex(),
                                newest.firstSequenceNumber(),
                                link.globalIndex(),
                                link.sequenceNumber(),
                                link.hash(),
                                newest.hash()));
    }

    private void closing(ExportClosing line) {
        Set<String> closed = new HashSet<>();
        for (ExportedMeasure measure : line.measures()) {
            closed.add(measure.measure());
            close(measure, newestOf.get(measure.measure()));
        }
        for (String measure : newestOf.keySet()) {
            if (!closed.contains(measure)) {
                throw new Found(
                        "measure " + measure + " has events in the export but is missing from the closing line");
            }
        }
        if (selection.wholeMeasure() && events == 0) {
            throw new Found("the export holds no event of measure " + selection.measure() + ": they were removed");
        }
        if (line.events() != events) {
            throw new Found("the closing line counts " + line.events() + " events, but the export holds " + events);
        }
        closing = line;
    }

    /** Checks that a measure's events in the file start and end where the closing line says. */
    private void close(ExportedMeasure measure, Newest newest) {
        String id = measure.measure();
        String from = Tampering.eventName(measure.fromGlobalIndex(), id, measure.fromSequenceNumber());
        String to = Tampering.eventName(measure.toGlobalIndex(), id, measure.toSequenceNumber());
        if (newest == null) {
            throw new Found("the events of measure " + id + " were removed from the export: the closing line has them"
                    + " from " + from + " to " + to);
        }
        String first = Tampering.eventName(newest.firstGlobalIndex(), id, newest.firstSequenceNumber());
        String last = Tampering.eventName(newest.globalIndex(), id, newest.sequenceNumber());
        if (measure.fromSequenceNumber() < newest.firstSequenceNumber()) {
            throw new Found("the events of measure " + id + " from " + from + " were removed from the export: its first"
                    + " event in the file is " + first);
        }
        if (measure.fromSequenceNumber() > newest.firstSequenceNumber()
                || measure.fromGlobalIndex() != newest.firstGlobalIndex()) {
            throw new Found(first + " was inserted before its measure's first exported event, " + from);
        }
        if (measure.toSequenceNumber() > newest.sequenceNumber()) {
            throw new Found("the events of measure " + id + " after " + last
                    + " were removed from the export: the closing line ends it at " + to);
        }
        if (measure.toSequenceNumber() < newest.sequenceNumber()) {
            throw new Found(last + " was inserted at the end of its measure: the closing line ends it at " + to);
        }
        if (measure.toGlobalIndex() != newest.globalIndex()
                || !newest.hash().hex().equals(measure.lastHash())) {
            throw new Found(last + " was altered: its hash is not the one the closing line gives");
        }
    }

    private JsonNode json(String line) {
        try {
            return ExportJson.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new Found("the line is not JSON: " + e.getOriginalMessage());
        }
    }

    private static <T> T read(JsonNode node, Class<T> type, String what) {
        try {
            return ExportJson.MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new Found("the line is not " + what + " of an export: " + e.getOriginalMessage());
        }
    }

    /** JSON null and no value are the same to a reader. */
    private static boolean sameJson(JsonNode fromBytes, JsonNode shown) {
        return Objects.equals(
                fromBytes == null || fromBytes.isNull() ? null : fromBytes,
                shown == null || shown.isNull() ? null : shown);
    }

    /**
     * A measure's first and newest events in the file so far, and the hash before the newest, which tells an inserted
     * event from a removed one.
     */
    private record Newest(
            long firstGlobalIndex,
            long firstSequenceNumber,
            long globalIndex,
            long sequenceNumber,
            ChainHash hash,
            ChainHash hashBefore) {}

    /** The first problem, which ends the walk through the file. */
    private static final class Found extends RuntimeException {
        Found(String message) {
            super(message, null, false, false);
        }
    }
}
