package org.tracker.imports.congressgov;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.tracker.imports.SizeLimit;
import org.tracker.imports.UnreadableRecordException;

/**
 * Parses responses of the congress.gov API, which come from outside like any file: refused over a size limit before
 * parsing, and parsed within limits on nesting, string, number and name lengths and on the whole document, with
 * duplicate keys and trailing content refused, so that a hostile or broken response costs little and says why.
 */
public final class CongressJson {

    private final SizeLimit limit;
    private final ObjectMapper json;

    /** @param maxBytes the largest response accepted; a page of 250 actions is a few hundred kilobytes */
    public CongressJson(long maxBytes) {
        this.limit = new SizeLimit(maxBytes, "congress.gov response");
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxDocumentLength(maxBytes)
                .maxNestingDepth(32)
                .maxNameLength(256)
                .maxNumberLength(32)
                // a bill's summary or constitutional authority statement is the longest text the API returns
                .maxStringLength(2_000_000)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.json = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public JsonNode parse(Path file) {
        return parse(limit.read(file), file.toString());
    }

    /**
     * Reads at most the size limit from the stream; the caller closes it.
     *
     * @param source where the response came from, for messages
     */
    public JsonNode parse(InputStream in, String source) {
        return parse(limit.read(in), source);
    }

    /** @param body read within the size limit */
    private JsonNode parse(byte[] body, String source) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new UnreadableRecordException(
                    "not a readable congress.gov response (" + source + ")" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw new UnreadableRecordException(
                    "not a readable congress.gov response (" + source + "): not a JSON object");
        }
        return node;
    }
}
