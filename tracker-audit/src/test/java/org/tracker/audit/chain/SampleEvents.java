package org.tracker.audit.chain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Events as Axon's JDBC engine stores them, linked as the tracker links them, for tests. */
public final class SampleEvents {

    private final List<StoredEvent> events = new ArrayList<>();
    private final List<ChainLink> links = new ArrayList<>();
    private final Map<String, ChainLink> newest = new HashMap<>();
    private long globalIndex;

    /** Appends the next event of the measure, with a payload that names it. */
    public SampleEvents append(String measure) {
        ChainLink before = newest.get(measure);
        long sequence = before == null ? 0 : before.sequenceNumber() + 1;
        StoredEvent event =
                event(++globalIndex, measure, sequence, "{\"billId\":\"" + measure + "\",\"n\":" + sequence + "}");
        ChainHash previous = before == null ? ChainHash.NONE : before.hash();
        ChainLink link = new ChainLink(globalIndex, measure, sequence, previous, EventChain.link(previous, event));
        events.add(event);
        links.add(link);
        newest.put(measure, link);
        return this;
    }

    public static StoredEvent event(long globalIndex, String measure, long sequence, String payload) {
        return new StoredEvent(
                globalIndex,
                "event-" + globalIndex,
                measure,
                sequence,
                "Bill",
                "2025-02-12T10:15:30.123Z",
                "org.tracker.core.api.BillActionRecorded",
                "1",
                payload.getBytes(StandardCharsets.UTF_8),
                "{\"traceId\":\"t\"}".getBytes(StandardCharsets.UTF_8));
    }

    public List<StoredEvent> events() {
        return events;
    }

    public List<ChainLink> links() {
        return links;
    }

    /** Each measure's newest link as its head, in the byte order of the measures' ids. */
    public List<ChainHead> heads() {
        Map<String, ChainHead> heads = new TreeMap<>();
        newest.forEach((measure, link) ->
                heads.put(measure, new ChainHead(measure, link.globalIndex(), link.sequenceNumber(), link.hash())));
        return new ArrayList<>(heads.values());
    }
}
