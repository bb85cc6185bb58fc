package org.tracker.notify.rule;

import java.time.Instant;
import java.util.Optional;
import org.tracker.core.measure.Deadline;
import org.tracker.core.measure.MeasureRow;

/**
 * Deadlines as subscribers hear of them as time passes: a measure's next deadline (tracker-core's {@code Deadline})
 * is near from {@code withinDays} before it until its day ends in Washington, and past from then on. These changes come from the clock, not from events, so a review window that
 * closes while nothing else happens still alerts.
 */
public final class Deadlines {

    private Deadlines() {}

    /** The deadline change of a measure at a moment: approaching (on or before its day) or passed, if it has one. */
    public static Optional<Change> at(MeasureRow row, Instant now) {
        return Deadline.of(row).map(deadline -> {
            int daysLeft = deadline.daysLeftAt(now);
            boolean passed = deadline.hasPassedAt(now);
            String label = deadline.label();
            String summary = passed
                    ? capitalised(label) + ": the deadline of " + deadline.on() + " has passed"
                    : capitalised(label) + " on " + deadline.on()
                            + (daysLeft == 0 ? " (today)" : " (in " + daysLeft + (daysLeft == 1 ? " day)" : " days)"));
            return new Change(
                    passed ? Trigger.DEADLINE_PASSED : Trigger.DEADLINE_APPROACHING,
                    row.measureId,
                    summary,
                    null,
                    label,
                    deadline.on(),
                    now,
                    row.source,
                    null,
                    daysLeft);
        });
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
