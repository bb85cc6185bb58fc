package org.tracker.core.api;

/**
 * A command asking for a fact to be recorded. Its constructor checks what can be checked alone (texts, ids, numbers);
 * what depends on the day it arrives, its dates and Congress numbers, it shows to a {@link FactCalendar}.
 */
public interface FactCommand {

    Provenance provenance();

    /** Shows the calendar every date and Congress number the command states; the calendar refuses the wrong ones. */
    void checkDates(FactCalendar calendar);
}
