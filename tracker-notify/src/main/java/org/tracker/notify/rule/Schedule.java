package org.tracker.notify.rule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.tracker.core.api.CongressTime;

/**
 * How often a subscriber is told: at once, or in a digest at a time of day in their own time zone (and, weekly, on
 * a day of the week).
 */
public record Schedule(Cadence cadence, LocalTime at, ZoneId timeZone, DayOfWeek day) {

    public static final Schedule REALTIME = new Schedule(Cadence.REALTIME, null, null, null);

    public Schedule {
        cadence = cadence == null ? Cadence.REALTIME : cadence;
        if (cadence == Cadence.REALTIME) {
            if (at != null || timeZone != null || day != null) {
                throw new IllegalArgumentException("A REALTIME schedule takes no 'at', 'timeZone' or 'day'.");
            }
        } else {
            at = at == null ? LocalTime.of(8, 0) : at;
            timeZone = timeZone == null ? CongressTime.ZONE : timeZone;
            if (cadence == Cadence.WEEKLY) {
                day = day == null ? DayOfWeek.MONDAY : day;
            } else if (day != null) {
                throw new IllegalArgumentException("'day' applies only to a WEEKLY schedule.");
            }
        }
    }

    public boolean digest() {
        return cadence != Cadence.REALTIME;
    }

    /** The end of the latest digest period that has ended by {@code now}: the latest send time not after it. */
    public Instant lastPeriodEnd(Instant now) {
        if (!digest()) {
            throw new IllegalStateException("a realtime schedule has no periods");
        }
        // From the local date, so that in the hour clocks go back the period end never moves back (which would send
        // a digest twice): ZonedDateTime.of takes the earlier offset in an overlap and moves a time in a gap later.
        LocalDate date = now.atZone(timeZone).toLocalDate();
        if (cadence == Cadence.WEEKLY) {
            date = date.with(TemporalAdjusters.previousOrSame(day));
        }
        ZonedDateTime candidate = ZonedDateTime.of(date, at, timeZone);
        if (candidate.toInstant().isAfter(now)) {
            candidate =
                    ZonedDateTime.of(cadence == Cadence.WEEKLY ? date.minusWeeks(1) : date.minusDays(1), at, timeZone);
        }
        return candidate.toInstant();
    }
}
