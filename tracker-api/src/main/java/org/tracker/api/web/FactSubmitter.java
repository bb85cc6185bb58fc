package org.tracker.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.Principal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.tracker.core.api.CongressTime;
import org.tracker.core.api.Provenance;

/**
 * Turns a JSON body into a command: the path's id goes in, the tracker sets the provenance (the client may name a
 * {@code source} and an {@code effectiveAt}), and unknown fields are errors rather than silently dropped.
 */
@Component
class FactSubmitter {

    /** Congress keeps Washington time; a date without a time took effect at the start of that day there. */
    private final CommandGateway commands;

    private final ObjectMapper strictJson;
    private final Clock clock;

    FactSubmitter(CommandGateway commands, @Qualifier("strictJson") ObjectMapper strictJson, Clock clock) {
        this.commands = commands;
        this.strictJson = strictJson;
        this.clock = clock;
    }

    /**
     * @param idField the command's field that names the measure
     * @param fromPath the command's fields given by the path (the measure id, unless the body names a new measure)
     * @param effectiveDate JSON pointer to the fact's date in the body, or null when the fact has none
     */
    Recorded submit(
            Class<?> commandType,
            JsonNode body,
            String idField,
            Map<String, String> fromPath,
            String effectiveDate,
            Principal caller) {
        String account = caller.getName();
        if (!(body instanceof ObjectNode given)) {
            throw new InvalidRequest("The body must be a JSON object.");
        }
        ObjectNode node = given.deepCopy();
        if (node.has("provenance")) {
            throw new InvalidRequest(
                    "'provenance' is set by the tracker; give 'source' (and, if needed, 'effectiveAt') instead.");
        }
        JsonNode source = node.remove("source");
        JsonNode effectiveAt = node.remove("effectiveAt");
        fromPath.forEach((field, value) -> {
            JsonNode inBody = node.get(field);
            if (inBody != null && !value.equals(inBody.asText())) {
                throw new InvalidRequest(
                        "The body names " + field + " '" + inBody.asText() + "' but the path names '" + value + "'.");
            }
            node.put(field, value);
        });
        JsonNode id = node.get(idField);
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new InvalidRequest("'" + idField + "' is required.");
        }
        Instant recordedAt = clock.instant();
        Provenance provenance = new Provenance(
                effectiveAt == null ? effectiveInstant(node, effectiveDate, recordedAt) : parseInstant(effectiveAt),
                recordedAt,
                source == null || source.asText().isBlank()
                        ? "api:" + account
                        : source.asText().strip(),
                account);
        node.set("provenance", strictJson.valueToTree(provenance));
        Object command;
        try {
            command = strictJson.treeToValue(node, commandType);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidRequest(JsonErrors.describe(e));
        }
        List<EventMessage<?>> appended = commands.sendAndWait(command);
        return new Recorded(
                id.asText(),
                appended.stream()
                        .map(event -> event.getPayloadType().getSimpleName())
                        .toList());
    }

    private static Instant effectiveInstant(ObjectNode node, String datePointer, Instant fallback) {
        if (datePointer == null) {
            return fallback;
        }
        JsonNode date = node.at(datePointer);
        if (date.isMissingNode() || date.isNull()) {
            return fallback;
        }
        try {
            LocalDate day = LocalDate.parse(date.asText());
            JsonNode time = node.at(datePointer.substring(0, datePointer.lastIndexOf('/')) + "/time");
            LocalTime at = time.isTextual() ? LocalTime.parse(time.asText()) : LocalTime.MIDNIGHT;
            return CongressTime.at(day, at);
        } catch (DateTimeException e) {
            throw new InvalidRequest("'" + datePointer.substring(1).replace('/', '.')
                    + "' must be a date like 2025-02-12," + " not '" + date.asText() + "'.");
        }
    }

    private static Instant parseInstant(JsonNode value) {
        String text = value.asText();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notADateTime) {
            try {
                return CongressTime.startOf(LocalDate.parse(text));
            } catch (DateTimeException e) {
                throw new InvalidRequest(
                        "'effectiveAt' must be a date (2025-02-12) or a date-time with offset (2025-02-12T14:00:00-05:00).");
            }
        }
    }

    /** What a command did: the measure it concerned and the events it appended (none when the fact was known). */
    record Recorded(String measureId, List<String> appended) {}
}
