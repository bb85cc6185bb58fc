package org.tracker.core.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Congress keeps Washington time: the day a fact names (an action, a vote, a deadline) is a day there, whatever zone
 * the tracker runs in. Every turn between such a day and an instant goes through here.
 */
public final class CongressTime {

    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    private CongressTime() {}

    /** The day it is in Washington at an instant. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** When a day begins in Washington. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** A time of a day in Washington. */
    public static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(ZONE).toInstant();
    }

    /** When a day is over in Washington: the moment a deadline on that day has passed. */
    public static Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }
}
