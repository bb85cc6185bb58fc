package org.tracker.notify.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.tracker.core.api.CongressTime;
import org.tracker.core.measure.MeasureRow;

/**
 * Deadlines as time passes: a measure's next deadline is near from {@code withinDays} before it until its day ends
 * in Washington, and past from then on. These changes come from the clock, not from events, so a review window that
 * closes while nothing else happens still alerts.
 */
public final class Deadlines {

    private Deadlines() {}

    /** The deadline change of a measure at a moment: approaching (on or before its day) or passed, if it has one. */
    public static Optional<Change> at(MeasureRow row, Instant now) {
        if (row.nextDeadline == null) {
            return Optional.empty();
        }
        LocalDate today = CongressTime.dayOf(now);
        int daysLeft = (int) ChronoUnit.DAYS.between(today, row.nextDeadline);
        String label = row.nextDeadlineLabel == null ? "deadline" : row.nextDeadlineLabel;
        boolean passed = daysLeft < 0;
        String summary = passed
                ? capitalised(label) + ": the deadline of " + row.nextDeadline + " has passed"
                : capitalised(label) + " on " + row.nextDeadline
                        + (daysLeft == 0 ? " (today)" : " (in " + daysLeft + (daysLeft == 1 ? " day)" : " days)"));
        return Optional.of(new Change(
                passed ? Trigger.DEADLINE_PASSED : Trigger.DEADLINE_APPROACHING,
                row.measureId,
                summary,
                null,
                label,
                row.nextDeadline,
                now,
                row.source,
                null,
                daysLeft));
    }

    /** When a deadline's day is over in Washington: the moment it counts as passed. */
    public static Instant passesAt(LocalDate deadline) {
        return CongressTime.endOf(deadline);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
