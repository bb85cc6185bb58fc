package org.tracker.notify.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tracker.notify.store.NotifyJson;

/** Reads request bodies strictly, turning every mistake into a 400 that names the field and the reason. */
final class Requests {

    private Requests() {}

    static <T> T read(NotifyJson json, JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw NotifyProblem.invalid("The body must be a JSON object.");
        }
        try {
            return json.readRequest(body, type);
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            String field = e.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw NotifyProblem.invalid(field.isEmpty() ? reason : "'" + field + "': " + reason);
        } catch (JsonProcessingException e) {
            throw NotifyProblem.invalid(e.getOriginalMessage());
        }
    }

    static UUID id(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw NotifyProblem.notFound(what, text);
        }
    }
}
