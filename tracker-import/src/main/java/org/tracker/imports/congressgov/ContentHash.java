package org.tracker.imports.congressgov;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A hash of what the API says about a bill, leaving out what moves without the content changing: congress.gov moves a
 * bill's update date whenever it reprocesses the record, and echoes each request and its paging in the response.
 * Keys are sorted, so that the order the API writes them in does not matter; lists keep their order, which is content.
 */
final class ContentHash {

    private static final Set<String> MOVES_WITHOUT_CONTENT = Set.of("updateDate", "updateDateIncludingText");
    private static final Set<String> ABOUT_THE_REQUEST = Set.of("request", "pagination");

    private static final ObjectWriter CANONICAL =
            new ObjectMapper().writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

    private ContentHash() {}

    static String of(BillResponses responses) {
        ArrayNode content = new ObjectMapper().createArrayNode();
        content.add(withoutNoise(responses.bill()));
        for (List<JsonNode> pages :
                List.of(responses.actionPages(), responses.cosponsorPages(), responses.titlePages())) {
            ArrayNode list = content.addArray();
            pages.forEach(page -> list.add(withoutNoise(page)));
        }
        try {
            byte[] canonical = CANONICAL.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed response cannot be written back", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static JsonNode withoutNoise(JsonNode response) {
        JsonNode copy = response.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.remove(ABOUT_THE_REQUEST);
        }
        removeUpdateDates(copy);
        return copy;
    }

    private static void removeUpdateDates(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(MOVES_WITHOUT_CONTENT);
        }
        node.forEach(ContentHash::removeUpdateDates);
    }
}
