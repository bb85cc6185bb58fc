package org.tracker.notify.send;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tracker.notify.rule.Change;
import org.tracker.notify.rule.Subscription;
import org.tracker.notify.rule.Trigger;
import org.tracker.notify.store.MessageFormat;
import org.tracker.notify.store.Outbox.Decided;

/**
 * Messages as Standard Webhooks bodies: a type, a timestamp and the message as data. A delivery's body is fixed when
 * the outbox records it, receivers verify their signatures over its bytes, and emails are made from the same message
 * read back, so every field is written here by name and in a fixed order, whatever a JSON mapper would make of it.
 */
public final class WebhookBody implements MessageFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String publicUrl;

    /** @param publicUrl the tracker's address as recipients reach it, for links to measures */
    public WebhookBody(String publicUrl) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @Override
    public String alert(Decided decided) {
        return write(data(message(decided)));
    }

    @Override
    public String alertBody(Decided decided, Instant timestamp) {
        return write(envelope(decided.alert().change().trigger().eventType(), timestamp, data(message(decided))));
    }

    @Override
    public String digestBody(Subscription subscription, Instant from, Instant to, List<String> alerts) {
        ObjectNode data = JSON.createObjectNode();
        data.set("subscription", subscription(subscription.id(), subscription.name()));
        data.put("from", from.toString());
        data.put("to", to.toString());
        ArrayNode gathered = data.putArray("alerts");
        // As kept, not rewritten from the model: the database keeps their keys in its own order.
        alerts.forEach(alert -> gathered.add(tree(alert)));
        return write(envelope("digest", to, data));
    }

    private AlertMessage message(Decided decided) {
        return AlertMessage.of(
                decided.alert(), decided.measureKind(), decided.measureTitle(), decided.measureStatus(), publicUrl);
    }

    /** The message a delivery's body carries, read leniently: it may have been written by an older version. */
    public static Message read(String body) {
        JsonNode envelope = tree(body);
        JsonNode data = envelope.path("data");
        if (!"digest".equals(envelope.path("type").asText())) {
            return readAlert(data);
        }
        List<AlertMessage> alerts = new ArrayList<>();
        data.path("alerts").forEach(alert -> alerts.add(readAlert(alert)));
        return new DigestMessage(
                uuid(data.path("subscription").path("id")),
                text(data.path("subscription").path("name")),
                instant(data.path("from")),
                instant(data.path("to")),
                alerts);
    }

    private static ObjectNode envelope(String type, Instant timestamp, ObjectNode data) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("type", type);
        envelope.put("timestamp", timestamp.toString());
        envelope.set("data", data);
        return envelope;
    }

    private static ObjectNode data(AlertMessage message) {
        ObjectNode data = JSON.createObjectNode();
        data.put("alertId", message.alertId().toString());
        data.set("subscription", subscription(message.subscriptionId(), message.subscriptionName()));
        ObjectNode measure = data.putObject("measure");
        measure.put("id", message.measureId());
        measure.put("kind", message.measureKind());
        measure.put("title", message.measureTitle());
        measure.put("status", message.measureStatus());
        measure.put("link", message.measureLink());
        Change change = message.change();
        ObjectNode told = data.putObject("change");
        told.put("trigger", change.trigger() == null ? null : change.trigger().name());
        told.put("measureId", change.measureId());
        told.put("summary", change.summary());
        told.put("from", change.from());
        told.put("to", change.to());
        told.put("on", change.on() == null ? null : change.on().toString());
        told.put(
                "recordedAt",
                change.recordedAt() == null ? null : change.recordedAt().toString());
        told.put("source", change.source());
        told.put("eventId", change.eventId());
        told.put("daysLeft", change.daysLeft());
        ArrayNode reasons = data.putArray("reasons");
        message.reasons().forEach(reasons::add);
        return data;
    }

    private static ObjectNode subscription(UUID id, String name) {
        ObjectNode subscription = JSON.createObjectNode();
        subscription.put("id", id.toString());
        subscription.put("name", name);
        return subscription;
    }

    private static AlertMessage readAlert(JsonNode data) {
        JsonNode measure = data.path("measure");
        JsonNode change = data.path("change");
        List<String> reasons = new ArrayList<>();
        data.path("reasons").forEach(reason -> reasons.add(reason.asText()));
        return new AlertMessage(
                uuid(data.path("alertId")),
                uuid(data.path("subscription").path("id")),
                text(data.path("subscription").path("name")),
                text(measure.path("id")),
                text(measure.path("kind")),
                text(measure.path("title")),
                text(measure.path("status")),
                text(measure.path("link")),
                new Change(
                        trigger(change.path("trigger")),
                        text(change.path("measureId")),
                        text(change.path("summary")),
                        text(change.path("from")),
                        text(change.path("to")),
                        change.hasNonNull("on")
                                ? LocalDate.parse(change.get("on").asText())
                                : null,
                        instant(change.path("recordedAt")),
                        text(change.path("source")),
                        text(change.path("eventId")),
                        change.hasNonNull("daysLeft") ? change.get("daysLeft").asInt() : null),
                List.copyOf(reasons));
    }

    /** A trigger this version does not know is left out: what the message tells does not depend on it. */
    private static Trigger trigger(JsonNode node) {
        for (Trigger trigger : Trigger.values()) {
            if (trigger.name().equals(node.asText())) {
                return trigger;
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static UUID uuid(JsonNode node) {
        return node.isTextual() ? UUID.fromString(node.asText()) : null;
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored message is not JSON", e);
        }
    }

    private static String write(JsonNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a message as JSON", e);
        }
    }
}
