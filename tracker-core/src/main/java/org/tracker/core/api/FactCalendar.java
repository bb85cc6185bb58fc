package org.tracker.core.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Whether the dates of a fact can be true on a given day in Washington. Something that happened (an introduction, an
 * action, a vote, a determination, a signing, a submission) cannot lie after tomorrow, which leaves room for a fact
 * dated in a time zone ahead of Washington's; something scheduled (an expiry, a due date, an MoU's last fiscal year)
 * lies at most {@link FactLimits#SCHEDULE_HORIZON_YEARS} years ahead; nothing lies before
 * {@link FactLimits#EARLIEST_DATE}. Congress numbers run from 1 to the next Congress.
 */
public final class FactCalendar {

    private static final Instant EARLIEST_INSTANT = CongressTime.startOf(FactLimits.EARLIEST_DATE);

    private final LocalDate today;

    private FactCalendar(LocalDate today) {
        this.today = today;
    }

    /** @param today the day it is in Washington */
    public static FactCalendar on(LocalDate today) {
        return new FactCalendar(today);
    }

    public static FactCalendar at(Instant now) {
        return on(CongressTime.dayOf(now));
    }

    /**
     * Checks every date the command states, then when the fact took effect, which a client may set apart from the
     * fact's own dates.
     *
     * @throws IllegalArgumentException naming the first date that cannot be true
     */
    public void check(FactCommand command) {
        command.checkDates(this);
        moment(command.provenance().effectiveAt(), "effectiveAt");
    }

    /**
     * An instant a fact took effect at, or a reader asks about: from the earliest date to the end of the scheduling
     * horizon. Beyond it lie only mistakes, and instants that PostgreSQL stores as {@code infinity} or refuses.
     */
    public void moment(Instant instant, String field) {
        Instant afterTheHorizon = CongressTime.endOf(latestScheduled());
        if (instant.isBefore(EARLIEST_INSTANT) || !instant.isBefore(afterTheHorizon)) {
            throw new IllegalArgumentException("'" + field + "' " + instant + " lies outside "
                    + FactLimits.EARLIEST_DATE + " to " + latestScheduled() + ", the span the tracker knows");
        }
    }

    /** A day a reader asks about, within the same span. */
    public void day(LocalDate date, String field) {
        notTooEarly(date, field);
        if (date.isAfter(latestScheduled())) {
            throw new IllegalArgumentException("'" + field + "' " + date + " lies outside " + FactLimits.EARLIEST_DATE
                    + " to " + latestScheduled() + ", the span the tracker knows");
        }
    }

    /** A day something happened on: not before the earliest date, not after tomorrow. */
    public void happened(LocalDate date, String field) {
        if (date == null) {
            return;
        }
        LocalDate tomorrow = today.plusDays(1);
        notTooEarly(date, field);
        if (date.isAfter(tomorrow)) {
            throw new IllegalArgumentException("'" + field + "' " + date + " lies in the future: a fact that happened"
                    + " is dated at the latest tomorrow in Washington, " + tomorrow);
        }
    }

    /** A day something is due or ends on: within the span, at most the horizon ahead. */
    public void scheduled(LocalDate date, String field) {
        if (date != null) {
            day(date, field);
        }
    }

    /** A federal fiscal year (FY2025 runs from 1 October 2024 to 30 September 2025), within the same span. */
    public void fiscalYear(int year, String field) {
        int last = fiscalYearOf(latestScheduled());
        int first = fiscalYearOf(FactLimits.EARLIEST_DATE);
        if (year < first || year > last) {
            throw new IllegalArgumentException(
                    "'" + field + "' FY" + year + " lies outside FY" + first + " to FY" + last);
        }
    }

    /** A Congress number: from the 1st to the one after the current Congress. */
    public void congress(int congress, String field) {
        int next = congressOn(today) + 1;
        if (congress < 1 || congress > next) {
            throw new IllegalArgumentException("'" + field + "' names the " + congress + "th Congress; Congresses run"
                    + " from the 1st to the next, the " + next + "th");
        }
    }

    /**
     * The Congress sitting on a day, as counted since the 20th Amendment: a new one every odd year on 3 January, the
     * 1st having begun in 1789. Before 1935 Congresses began on 4 March, a difference this count ignores: it serves
     * to know the current Congress.
     */
    public static int congressOn(LocalDate day) {
        int year = day.getYear();
        boolean beforeTheThird = day.getMonthValue() == 1 && day.getDayOfMonth() < 3;
        if (year % 2 == 1 && beforeTheThird) {
            year--;
        }
        return (year - 1789) / 2 + 1;
    }

    private void notTooEarly(LocalDate date, String field) {
        if (date.isBefore(FactLimits.EARLIEST_DATE)) {
            throw new IllegalArgumentException("'" + field + "' " + date + " lies before " + FactLimits.EARLIEST_DATE
                    + ", when the federal government began");
        }
    }

    private LocalDate latestScheduled() {
        return today.plusYears(FactLimits.SCHEDULE_HORIZON_YEARS);
    }

    private static int fiscalYearOf(LocalDate day) {
        return day.getMonthValue() >= 10 ? day.getYear() + 1 : day.getYear();
    }
}
