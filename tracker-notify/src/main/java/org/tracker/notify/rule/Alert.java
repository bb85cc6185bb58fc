package org.tracker.notify.rule;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * One alert: a subscription selected a change. Its id is derived from what caused it, so that deciding the same
 * alert twice (a redelivered record, a deadline seen on every tick) yields the same id, and the outbox keeps one.
 *
 * @param reasons every change of the same event the subscription selected, the main one first
 * @param matched the subscription's conditions that selected those changes, in the subscription's order
 */
public record Alert(UUID id, Subscription subscription, Change change, List<String> reasons, List<Condition> matched) {

    public static Alert of(Subscription subscription, List<Change> selected) {
        Change main = selected.get(0);
        String cause = main.eventId() != null
                ? "event|" + main.eventId() + "|" + main.measureId()
                : "deadline|" + main.measureId() + "|" + main.to() + "|" + main.on() + "|" + main.trigger();
        UUID id = UUID.nameUUIDFromBytes((subscription.id() + "|" + cause).getBytes(StandardCharsets.UTF_8));
        List<Condition> matched = subscription.when().stream()
                .filter(condition -> selected.stream().anyMatch(condition::selects))
                .toList();
        return new Alert(
                id, subscription, main, selected.stream().map(Change::summary).toList(), matched);
    }
}
