package org.tracker.core.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A command asking for a fact to be recorded. Its constructor checks what can be checked alone (texts, ids, numbers);
 * what depends on the day it arrives, its dates and Congress numbers, it shows to a {@link FactCalendar}.
 *
 * <p>None of its methods below is a JSON property: their names are not getters' and no record component carries
 * them, so a command reads and writes as its components alone.
 */
public interface FactCommand {

    Provenance provenance();

    /** Shows the calendar every date and Congress number the command states; the calendar refuses the wrong ones. */
    void checkDates(FactCalendar calendar);

    /**
     * The measure the fact is about: the aggregate it is recorded on (the component marked as the target aggregate
     * identifier), which an answer names. Not to be confused with a roll call's {@code measureId}, the bill voted on.
     */
    String targetMeasureId();

    /**
     * The day the fact took effect in the world, as the fact itself states it (a bill's introduction, an action's
     * date, a waiver's determination); null when the fact has no such day of its own (a title, a scheduled tranche,
     * a mandate whose date is a deadline).
     */
    LocalDate factDate();

    /** The time of day the fact states beside its {@link #factDate()}, in Washington; null when it states none. */
    default LocalTime factTime() {
        return null;
    }

    /**
     * When the fact took effect by its own date: the start of that day in Washington, or its {@link #factTime()}
     * that day when it states one.
     *
     * @param undated what to answer when the fact has no date of its own (the API gives the moment it records it)
     */
    default Instant ownEffectiveAt(Instant undated) {
        LocalDate day = factDate();
        if (day == null) {
            return undated;
        }
        LocalTime time = factTime();
        return time == null ? CongressTime.startOf(day) : CongressTime.at(day, time);
    }
}
