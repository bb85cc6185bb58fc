package org.tracker.notify.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.CongressTime;

class ScheduleTest {

    static final ZoneId WASHINGTON = CongressTime.ZONE;
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void aRealtimeScheduleTakesNoTimeZoneOrDay() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Schedule(Cadence.REALTIME, LocalTime.NOON, null, null))
                .withMessage("A REALTIME schedule takes no 'at', 'timeZone' or 'day'.");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Schedule(null, null, BERLIN, null))
                .withMessage("A REALTIME schedule takes no 'at', 'timeZone' or 'day'.");
    }

    @Test
    void onlyAWeeklyScheduleTakesADay() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Schedule(Cadence.DAILY, null, null, DayOfWeek.FRIDAY))
                .withMessage("'day' applies only to a WEEKLY schedule.");
    }

    @Test
    void noCadenceIsRealtimeWhichHasNoPeriods() {
        Schedule schedule = new Schedule(null, null, null, null);

        assertThat(schedule).isEqualTo(Schedule.REALTIME);
        assertThat(schedule.digest()).isFalse();
        assertThatIllegalStateException().isThrownBy(() -> schedule.lastPeriodEnd(Instant.now()));
    }

    @Test
    void aDigestIsSentAtEightInWashingtonAndWeeklyOnMondaysUnlessToldOtherwise() {
        assertThat(new Schedule(Cadence.DAILY, null, null, null))
                .isEqualTo(new Schedule(Cadence.DAILY, LocalTime.of(8, 0), WASHINGTON, null));
        assertThat(new Schedule(Cadence.WEEKLY, null, null, null))
                .isEqualTo(new Schedule(Cadence.WEEKLY, LocalTime.of(8, 0), WASHINGTON, DayOfWeek.MONDAY));
    }

    @Test
    void aDailyPeriodEndsAtTheSubscribersTimeInTheirZone() {
        Schedule halfPastSevenInBerlin = new Schedule(Cadence.DAILY, LocalTime.of(7, 30), BERLIN, null);

        // Berlin is two hours ahead of UTC in June.
        assertThat(halfPastSevenInBerlin.lastPeriodEnd(at("2025-06-10T06:00:00Z")))
                .isEqualTo(at("2025-06-10T05:30:00Z"));
        assertThat(halfPastSevenInBerlin.lastPeriodEnd(at("2025-06-10T05:30:00Z")))
                .isEqualTo(at("2025-06-10T05:30:00Z"));
        assertThat(halfPastSevenInBerlin.lastPeriodEnd(at("2025-06-10T05:29:59Z")))
                .isEqualTo(at("2025-06-09T05:30:00Z"));
    }

    @Test
    void aWeeklyPeriodEndsOnTheSubscribersDay() {
        Schedule fridayAtFiveInBerlin = new Schedule(Cadence.WEEKLY, LocalTime.of(17, 0), BERLIN, DayOfWeek.FRIDAY);

        // Friday 13 June 2025, 17:00 in Berlin, is 15:00 UTC.
        assertThat(fridayAtFiveInBerlin.lastPeriodEnd(at("2025-06-13T15:00:00Z")))
                .isEqualTo(at("2025-06-13T15:00:00Z"));
        assertThat(fridayAtFiveInBerlin.lastPeriodEnd(at("2025-06-13T14:59:59Z")))
                .isEqualTo(at("2025-06-06T15:00:00Z"));
        assertThat(fridayAtFiveInBerlin.lastPeriodEnd(at("2025-06-16T09:00:00Z")))
                .isEqualTo(at("2025-06-13T15:00:00Z"));
        assertThat(fridayAtFiveInBerlin.lastPeriodEnd(at("2025-06-12T23:00:00Z")))
                .isEqualTo(at("2025-06-06T15:00:00Z"));
    }

    /** Clocks in Washington went forward on 9 March 2025: eight o'clock moved from 13:00 to 12:00 UTC. */
    @Test
    void aDailyPeriodKeepsTheLocalTimeWhenClocksGoForward() {
        Schedule daily = new Schedule(Cadence.DAILY, LocalTime.of(8, 0), WASHINGTON, null);

        Instant before = daily.lastPeriodEnd(at("2025-03-09T11:30:00Z"));
        Instant after = daily.lastPeriodEnd(at("2025-03-09T12:30:00Z"));

        assertThat(before).isEqualTo(at("2025-03-08T13:00:00Z"));
        assertThat(after).isEqualTo(at("2025-03-09T12:00:00Z"));
        assertThat(Duration.between(before, after)).isEqualTo(Duration.ofHours(23));
    }

    /** Clocks in Washington went back on 2 November 2025: eight o'clock moved from 12:00 to 13:00 UTC. */
    @Test
    void aDailyPeriodKeepsTheLocalTimeWhenClocksGoBack() {
        Schedule daily = new Schedule(Cadence.DAILY, LocalTime.of(8, 0), WASHINGTON, null);

        Instant before = daily.lastPeriodEnd(at("2025-11-02T12:30:00Z"));
        Instant after = daily.lastPeriodEnd(at("2025-11-02T13:30:00Z"));

        assertThat(before).isEqualTo(at("2025-11-01T12:00:00Z"));
        assertThat(after).isEqualTo(at("2025-11-02T13:00:00Z"));
        assertThat(Duration.between(before, after)).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aWeeklyPeriodKeepsTheLocalTimeAcrossAClockChange() {
        Schedule mondays = new Schedule(Cadence.WEEKLY, LocalTime.of(8, 0), WASHINGTON, DayOfWeek.MONDAY);

        assertThat(mondays.lastPeriodEnd(at("2025-03-10T11:30:00Z"))).isEqualTo(at("2025-03-03T13:00:00Z"));
        assertThat(mondays.lastPeriodEnd(at("2025-03-10T12:30:00Z"))).isEqualTo(at("2025-03-10T12:00:00Z"));
    }

    /** A digest time inside the hour that clocks skip happens at the same moment an hour later, 03:30. */
    @Test
    void aDigestTimeThatClocksSkipComesAnHourLater() {
        Schedule halfPastTwo = new Schedule(Cadence.DAILY, LocalTime.of(2, 30), WASHINGTON, null);

        assertThat(halfPastTwo.lastPeriodEnd(at("2025-03-09T07:29:59Z"))).isEqualTo(at("2025-03-08T07:30:00Z"));
        assertThat(halfPastTwo.lastPeriodEnd(at("2025-03-09T07:30:00Z"))).isEqualTo(at("2025-03-09T07:30:00Z"));
    }

    /**
     * On the night clocks go back, 01:30 happens twice in Washington. The period must end once that night, and the end
     * must never move back as time goes on, or a digest would gather a period twice.
     */
    @Test
    void aPeriodEndNeverMovesBackAsTimeGoesOnThroughTheRepeatedHour() {
        Schedule halfPastOne = new Schedule(Cadence.DAILY, LocalTime.of(1, 30), WASHINGTON, null);

        Instant previous = halfPastOne.lastPeriodEnd(at("2025-11-02T04:00:00Z"));
        for (Instant now = at("2025-11-02T04:00:00Z");
                now.isBefore(at("2025-11-02T08:00:00Z"));
                now = now.plus(Duration.ofMinutes(1))) {
            Instant end = halfPastOne.lastPeriodEnd(now);
            assertThat(end).as("the last period end at %s", now).isAfterOrEqualTo(previous);
            previous = end;
        }
        assertThat(halfPastOne.lastPeriodEnd(at("2025-11-02T08:00:00Z"))).isEqualTo(at("2025-11-02T05:30:00Z"));
    }
}
