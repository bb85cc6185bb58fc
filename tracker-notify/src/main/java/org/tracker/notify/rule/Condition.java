package org.tracker.notify.rule;

import java.util.Set;

/**
 * When a subscription alerts.
 *
 * @param into for {@link Trigger#STATUS_CHANGED}: only changes into these statuses; empty for any
 * @param withinDays for {@link Trigger#DEADLINE_APPROACHING}: how many days before the deadline to alert
 */
public record Condition(Trigger on, Set<String> into, Integer withinDays) {

    public Condition {
        if (on == null) {
            throw new IllegalArgumentException(
                    "Each condition needs 'on': one of " + java.util.List.of(Trigger.values()));
        }
        into = into == null ? Set.of() : Set.copyOf(into);
        if (!into.isEmpty() && on != Trigger.STATUS_CHANGED) {
            throw new IllegalArgumentException("'into' applies only to STATUS_CHANGED.");
        }
        if (on == Trigger.DEADLINE_APPROACHING) {
            if (withinDays == null || withinDays < 0 || withinDays > 366) {
                throw new IllegalArgumentException("DEADLINE_APPROACHING needs 'withinDays' from 0 to 366.");
            }
        } else if (withinDays != null) {
            throw new IllegalArgumentException("'withinDays' applies only to DEADLINE_APPROACHING.");
        }
    }

    public boolean selects(Change change) {
        if (on == Trigger.ANY_FACT) {
            return !change.trigger().fromTimePassing();
        }
        if (on != change.trigger()) {
            return false;
        }
        return switch (on) {
            case STATUS_CHANGED -> into.isEmpty() || into.contains(change.to());
            case DEADLINE_APPROACHING -> change.daysLeft() != null && change.daysLeft() <= withinDays;
            default -> true;
        };
    }
}
