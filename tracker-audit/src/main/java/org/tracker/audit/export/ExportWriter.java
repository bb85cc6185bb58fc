package org.tracker.audit.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tracker.audit.chain.ChainHash;
import org.tracker.audit.chain.ChainHead;
import org.tracker.audit.chain.ChainLink;
import org.tracker.audit.chain.StoredEvent;

/**
 * Writes an export as JSON Lines: a header, one line per event in the order of the store, and a closing line with
 * where each exported measure starts and ends, its last hash, and the ledger digest. Events are written as they come, so an export of millions
 * of events needs memory only for its measures.
 */
public final class ExportWriter {

    public static final String FORMAT = "tracker-export/1";
    public static final String MEDIA_TYPE = "application/x-ndjson";

    private final OutputStream out;
    private final Map<String, Span> spanOf = new TreeMap<>();
    private long events;

    /** Writes the header at once; the stream is the caller's to close. */
    public ExportWriter(OutputStream out, ExportSelection selection, String exportedAt) throws IOException {
        this.out = out;
        line(new ExportHeader(FORMAT, selection, exportedAt));
    }

    /** @param link null when the store holds none for the event, which the export then shows */
    public void write(StoredEvent event, ChainLink link) throws IOException {
        line(ExportedEvent.of(
                event, link, ExportJson.readable(event.payload()), ExportJson.readable(event.metadata())));
        events++;
        String hash = link == null ? null : link.hash().hex();
        spanOf.merge(
                event.aggregateIdentifier(),
                new Span(
                        event.globalIndex(), event.sequenceNumber(), event.globalIndex(), event.sequenceNumber(), hash),
                (span, next) -> new Span(
                        span.fromGlobalIndex(),
                        span.fromSequenceNumber(),
                        next.toGlobalIndex(),
                        next.toSequenceNumber(),
                        hash));
    }

    /** The measures written so far, whose current heads {@link #close} needs. */
    public Set<String> measures() {
        return spanOf.keySet();
    }

    /**
     * Writes the closing line and flushes.
     *
     * @param currentHeads the store's heads of (at least) the measures written, read in the same snapshot as the
     *     events
     */
    public void close(Map<String, ChainHead> currentHeads, ChainHash ledgerDigest) throws IOException {
        List<ExportedMeasure> measures = new ArrayList<>();
        spanOf.forEach((measure, span) -> {
            ChainHead current = currentHeads.get(measure);
            measures.add(new ExportedMeasure(
                    measure,
                    span.fromGlobalIndex(),
                    span.fromSequenceNumber(),
                    span.toGlobalIndex(),
                    span.toSequenceNumber(),
                    span.lastHash(),
                    current != null && current.globalIndex() == span.toGlobalIndex()));
        });
        line(new ExportClosing(events, measures, ledgerDigest.hex()));
        out.flush();
    }

    /** A measure's first and last events written; the last one's hash is null when the store held no link for it. */
    private record Span(
            long fromGlobalIndex,
            long fromSequenceNumber,
            long toGlobalIndex,
            long toSequenceNumber,
            String lastHash) {}

    private void line(Object value) throws IOException {
        out.write(ExportJson.MAPPER.writeValueAsBytes(value));
        out.write('\n');
    }
}
