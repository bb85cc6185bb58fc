package org.tracker.notify.rule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.measure.Deadline;

/**
 * What an account asked to be told, when and how.
 *
 * @param email the address alerts are mailed to, or null for none
 * @param webhook the webhook endpoint alerts are posted to, or null for none
 * @param createdAt facts the tracker learned before this moment never alert this subscription, so that replaying
 *     history to a new consumer tells nobody of old news
 */
public record Subscription(
        UUID id,
        String account,
        String name,
        Follow follow,
        List<Condition> when,
        Schedule schedule,
        String email,
        UUID webhook,
        boolean paused,
        Instant createdAt) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Subscription {
        if (follow == null) {
            throw new IllegalArgumentException("A subscription needs 'follow': what to follow.");
        }
        if (when == null || when.isEmpty()) {
            throw new IllegalArgumentException("A subscription needs 'when': at least one condition.");
        }
        when = List.copyOf(when);
        schedule = schedule == null ? Schedule.REALTIME : schedule;
        if (email == null && webhook == null) {
            throw new IllegalArgumentException(
                    "A subscription needs 'email', 'webhook' or both: where to send alerts.");
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new IllegalArgumentException("'" + email + "' is not an email address.");
        }
        if (name != null && name.length() > 200) {
            throw new IllegalArgumentException("A subscription's name has at most 200 characters.");
        }
    }

    public Subscription paused(boolean paused) {
        return new Subscription(id, account, name, follow, when, schedule, email, webhook, paused, createdAt);
    }

    /**
     * Whether this subscription alerts on a change to a measure.
     *
     * @param event the event that made the change, or null when time passing made it
     */
    public boolean selects(Change change, MeasureState measure, MeasureEvent event) {
        return !paused
                && isNewTo(change)
                && follow.covers(measure, event)
                && when.stream().anyMatch(condition -> condition.selects(change));
    }

    private boolean isNewTo(Change change) {
        if (change.trigger() == Trigger.DEADLINE_PASSED) {
            return new Deadline(change.on(), change.to()).passesAt().isAfter(createdAt);
        }
        return change.trigger().fromTimePassing() || !change.recordedAt().isBefore(createdAt);
    }

    public boolean wantsDeadlines() {
        return when.stream().anyMatch(condition -> condition.on().fromTimePassing());
    }
}
