package org.tracker.notify.rule;

import java.util.Locale;

/** The kinds of change a subscriber can ask to hear of. */
public enum Trigger {
    STATUS_CHANGED,
    VOTE_RECORDED,
    ACTION_RECORDED,
    COSPONSOR_CHANGED,
    DEADLINE_APPROACHING,
    DEADLINE_PASSED,
    /** As a condition: every new fact. As a change: a fact that is none of the more specific kinds. */
    ANY_FACT;

    public boolean fromTimePassing() {
        return this == DEADLINE_APPROACHING || this == DEADLINE_PASSED;
    }

    /** The stable event type webhook receivers switch on, such as {@code measure.status_changed}. */
    public String eventType() {
        return "measure." + (this == ANY_FACT ? "fact_recorded" : name().toLowerCase(Locale.ROOT));
    }
}
