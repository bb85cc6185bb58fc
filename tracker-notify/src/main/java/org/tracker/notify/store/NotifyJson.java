package org.tracker.notify.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.stereotype.Component;
import org.tracker.core.measure.MeasureRow;

/**
 * The notifier's JSON: what it stores is read leniently (a newer version may have added a field), what clients send
 * strictly (a misspelt field is an error, not a silently missing condition; a fraction where a whole number belongs is
 * an error, not truncated).
 */
@Component
public class NotifyJson {

    private final ObjectMapper stored;
    private final ObjectMapper strict;

    public NotifyJson(Jackson2ObjectMapperBuilder builder) {
        this.stored = builder.build()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addMixIn(MeasureRow.class, MeasureRowCreator.class);
        this.strict = builder.build()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    public String write(Object value) {
        try {
            return stored.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public com.fasterxml.jackson.databind.node.ObjectNode object() {
        return stored.createObjectNode();
    }

    public com.fasterxml.jackson.databind.node.ArrayNode array() {
        return stored.createArrayNode();
    }

    public JsonNode tree(Object value) {
        return stored.valueToTree(value);
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return stored.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a " + type.getSimpleName(), e);
        }
    }

    public <T> T read(String json, TypeReference<T> type) {
        try {
            return stored.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a " + type.getType(), e);
        }
    }

    /** Reads what a client sent; unknown fields and wrong types are errors that name the field. */
    public <T> T readRequest(JsonNode body, Class<T> type) throws JsonProcessingException {
        return strict.treeToValue(body, type);
    }

    abstract static class MeasureRowCreator {
        @JsonCreator
        MeasureRowCreator(@JsonProperty("measureId") String measureId) {}
    }
}
