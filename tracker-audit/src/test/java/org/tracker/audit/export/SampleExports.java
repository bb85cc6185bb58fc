package org.tracker.audit.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tracker.audit.chain.ChainHash;
import org.tracker.audit.chain.ChainHead;
import org.tracker.audit.chain.SampleEvents;
import org.tracker.audit.chain.StoredEvent;

/** Exports of a small store, as the tracker writes them, for tests to verify and to tamper with. */
public final class SampleExports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleExports() {}

    /** hr1229-119 has events 1, 2, 4, 6 (sequences 0-3); sjres111-118 has 3, 5, 7. */
    public static SampleEvents store() {
        return new SampleEvents()
                .append("hr1229-119")
                .append("hr1229-119")
                .append("sjres111-118")
                .append("hr1229-119")
                .append("sjres111-118")
                .append("hr1229-119")
                .append("sjres111-118");
    }

    /** The export's lines, of the store's events from {@code fromIndex} on that the selection takes. */
    public static List<String> export(SampleEvents store, ExportSelection selection, long fromIndex)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportWriter writer = new ExportWriter(out, selection, "2026-11-23T10:00:00Z");
        for (int i = 0; i < store.events().size(); i++) {
            StoredEvent event = store.events().get(i);
            if (event.globalIndex() >= fromIndex
                    && (!selection.wholeMeasure() || event.aggregateIdentifier().equals(selection.measure()))) {
                writer.write(event, store.links().get(i));
            }
        }
        Map<String, ChainHead> heads = new HashMap<>();
        store.heads().forEach(head -> heads.put(head.measure(), head));
        writer.close(heads, ChainHash.ofHex("cd".repeat(32)));
        return new ArrayList<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n")));
    }

    public static List<String> measureExport() throws IOException {
        return export(store(), ExportSelection.ofMeasure("hr1229-119"), 0);
    }

    public static String withPayloadBytes(String line, String payload) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(line);
        node.put("payloadBytes", Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)));
        return JSON.writeValueAsString(node);
    }
}
