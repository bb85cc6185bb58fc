package org.tracker.api.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.security.Principal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.tracker.api.web.InvalidRequest;
import org.tracker.api.web.JsonErrors;
import org.tracker.core.api.CongressTime;
import org.tracker.core.api.FactCommand;
import org.tracker.core.api.Provenance;

/**
 * Turns a JSON body into a command: the path's ids go in, the tracker sets the provenance (the client may name a
 * {@code source} and an {@code effectiveAt}, which by default is when the fact took effect by its own date), and
 * unknown fields are errors rather than silently dropped.
 */
@Component
class FactSubmitter {

    /** The field of each command that names its measure: the one Axon routes the command by. */
    private static final ClassValue<String> ID_FIELD = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName)
                    .filter(name -> isTarget(type, name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(type.getName() + " names no measure"));
        }
    };

    private final CommandGateway commands;
    private final ObjectMapper strictJson;
    private final Clock clock;

    FactSubmitter(CommandGateway commands, @Qualifier("strictJson") ObjectMapper strictJson, Clock clock) {
        this.commands = commands;
        this.strictJson = strictJson;
        this.clock = clock;
    }

    /**
     * @param fromPath the command's fields given by the path (the measure id, unless the body names a new measure)
     */
    Recorded submit(
            Class<? extends FactCommand> commandType, JsonNode body, Map<String, String> fromPath, Principal caller) {
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
        String idField = ID_FIELD.get(commandType);
        JsonNode id = node.get(idField);
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new InvalidRequest("'" + idField + "' is required.");
        }
        Instant recordedAt = clock.instant();
        String from = source == null || source.asText().isBlank()
                ? "api:" + account
                : source.asText().strip();
        FactCommand command;
        if (effectiveAt != null) {
            command = read(node, commandType, new Provenance(parseInstant(effectiveAt), recordedAt, from, account));
        } else {
            // The fact's own date is known once the body is read as the command; read again with the provenance it
            // gives, so that the command is checked exactly as it is sent.
            FactCommand provisional = read(node, commandType, new Provenance(recordedAt, recordedAt, from, account));
            Instant own = provisional.ownEffectiveAt(recordedAt);
            command = own.equals(recordedAt)
                    ? provisional
                    : read(node, commandType, new Provenance(own, recordedAt, from, account));
        }
        List<EventMessage<?>> appended = commands.sendAndWait(command);
        return new Recorded(
                command.targetMeasureId(),
                appended.stream()
                        .map(event -> event.getPayloadType().getSimpleName())
                        .toList());
    }

    private FactCommand read(ObjectNode node, Class<? extends FactCommand> commandType, Provenance provenance) {
        node.set("provenance", strictJson.valueToTree(provenance));
        try {
            return strictJson.treeToValue(node, commandType);
        } catch (JsonProcessingException e) {
            throw new InvalidRequest(JsonErrors.describe(e));
        }
    }

    private static boolean isTarget(Class<?> type, String component) {
        try {
            return type.getDeclaredField(component).isAnnotationPresent(TargetAggregateIdentifier.class);
        } catch (NoSuchFieldException e) {
            return false;
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
