package org.tracker.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactCalendarTest {

    /** 2 December 2026: the 119th Congress sits, the 120th is the next. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static final FactCalendar CALENDAR = FactCalendar.on(TODAY);

    @Nested
    class Happenings {

        @Test
        void aFactHappenedAtTheLatestTomorrow() {
            assertThatCode(() -> CALENDAR.happened(TODAY.plusDays(1), "action.date"))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> CALENDAR.happened(TODAY.plusDays(2), "action.date"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'action.date' 2026-12-04 lies in the future: a fact that happened is dated at the"
                            + " latest tomorrow in Washington, 2026-12-03");
        }

        @Test
        void theDatesTestersSentAreRefused() {
            assertThatThrownBy(() -> CALENDAR.happened(LocalDate.parse("9999-12-31"), "introducedOn"))
                    .hasMessageContaining("'introducedOn' 9999-12-31 lies in the future");
            assertThatThrownBy(() -> CALENDAR.happened(LocalDate.parse("+999999999-12-31"), "introducedOn"))
                    .hasMessageContaining("lies in the future");
            assertThatThrownBy(() -> CALENDAR.happened(LocalDate.MIN, "introducedOn"))
                    .hasMessageContaining("lies before 1789-03-04");
        }

        @Test
        void nothingHappenedBeforeTheFederalGovernmentBegan() {
            assertThatCode(() -> CALENDAR.happened(LocalDate.of(1789, 3, 4), "signedOn"))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> CALENDAR.happened(LocalDate.of(1789, 3, 3), "signedOn"))
                    .hasMessage("'signedOn' 1789-03-03 lies before 1789-03-04, when the federal government began");
        }

        @Test
        void tomorrowIsTomorrowInWashington() {
            FactCalendar lateEvening = FactCalendar.at(Instant.parse("2026-12-03T04:30:00Z"));
            assertThatCode(() -> lateEvening.happened(LocalDate.of(2026, 12, 3), "date"))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> lateEvening.happened(LocalDate.of(2026, 12, 4), "date"))
                    .hasMessageContaining("2026-12-03");
        }
    }

    @Nested
    class Schedules {

        @Test
        void aScheduledDateLiesAtMostThirtyYearsAhead() {
            assertThatCode(() -> CALENDAR.scheduled(LocalDate.of(2056, 12, 2), "expiresOn"))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> CALENDAR.scheduled(LocalDate.of(2056, 12, 3), "expiresOn"))
                    .hasMessage("'expiresOn' 2056-12-03 lies outside 1789-03-04 to 2056-12-02, the span the tracker"
                            + " knows");
            assertThatThrownBy(() -> CALENDAR.scheduled(LocalDate.of(1700, 1, 1), "dueOn"))
                    .hasMessageContaining("lies before 1789-03-04");
        }

        @Test
        void fiscalYearsLieInTheSameSpan() {
            assertThatCode(() -> CALENDAR.fiscalYear(2057, "fiscalYear")).doesNotThrowAnyException();
            assertThatThrownBy(() -> CALENDAR.fiscalYear(2058, "fiscalYear"))
                    .hasMessage("'fiscalYear' FY2058 lies outside FY1789 to FY2057");
            assertThatThrownBy(() -> CALENDAR.fiscalYear(1788, "fiscalYear")).hasMessageContaining("FY1788");
        }

        @Test
        void effectiveAtLiesBetweenTheFirstDayAndTheHorizon() {
            assertThatCode(() -> CALENDAR.check(expiry(Instant.parse("1789-03-04T05:00:00Z"))))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> CALENDAR.check(expiry(Instant.parse("1789-03-03T12:00:00Z"))))
                    .hasMessageContaining(
                            "'effectiveAt' 1789-03-03T12:00:00Z lies outside 1789-03-04 to 2056-12-02, the span the tracker knows");
            assertThatCode(() -> CALENDAR.check(expiry(Instant.parse("2056-12-03T04:59:59Z"))))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> CALENDAR.check(expiry(Instant.parse("2056-12-03T05:00:00Z"))))
                    .hasMessageContaining("'effectiveAt'");
        }

        @Test
        void readersAskAboutTheSameSpan() {
            assertThatCode(() -> CALENDAR.day(LocalDate.of(1789, 3, 4), "effectiveOn"))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> CALENDAR.day(LocalDate.parse("+999999999-12-31"), "effectiveOn"))
                    .hasMessageContaining("'effectiveOn' +999999999-12-31 lies outside");
            assertThatThrownBy(() -> CALENDAR.moment(Instant.MAX, "asOf")).hasMessageContaining("'asOf'");
            assertThatThrownBy(() -> CALENDAR.moment(Instant.parse("1000-01-01T00:00:00Z"), "asOf"))
                    .hasMessageContaining("'asOf' 1000-01-01T00:00:00Z lies outside");
        }

        private RecordMouExpiry expiry(Instant effectiveAt) {
            return new RecordMouExpiry("mou-2016", null, new Provenance(effectiveAt, effectiveAt, "test", "t"));
        }
    }

    @Nested
    class Congresses {

        @ParameterizedTest
        @CsvSource({
            "1789-03-04, 1",
            "1790-12-31, 1",
            "1791-03-04, 2",
            "2023-01-02, 117",
            "2023-01-03, 118",
            "2024-12-31, 118",
            "2025-01-03, 119",
            "2026-12-02, 119",
            "2027-01-02, 119",
            "2027-01-03, 120"
        })
        void theCongressSittingOnADay(LocalDate day, int congress) {
            assertThat(FactCalendar.congressOn(day)).isEqualTo(congress);
        }

        @Test
        void congressesRunFromTheFirstToTheNext() {
            assertThatCode(() -> CALENDAR.congress(1, "congress")).doesNotThrowAnyException();
            assertThatCode(() -> CALENDAR.congress(120, "congress")).doesNotThrowAnyException();
            assertThatThrownBy(() -> CALENDAR.congress(121, "congress"))
                    .hasMessage("'congress' names the 121th Congress; Congresses run from the 1st to the next, the"
                            + " 120th");
            assertThatThrownBy(() -> CALENDAR.congress(0, "congress")).hasMessageContaining("the 0th Congress");
        }
    }

    @Nested
    class Commands {

        private static final Provenance PROVENANCE = new Provenance(
                Instant.parse("2025-02-12T05:00:00Z"), Instant.parse("2025-02-13T00:00:00Z"), "test", "t");

        @Test
        void aCommandShowsEveryDateItStates() {
            BillAction action = new BillAction(
                    LocalDate.of(2025, 2, 12),
                    LocalTime.NOON,
                    "Passed",
                    null,
                    null,
                    null,
                    List.of(),
                    new RecordedVoteRef(Chamber.HOUSE, 119, 1, 40, LocalDate.of(9999, 12, 31)));
            assertThatThrownBy(() -> CALENDAR.check(new RecordBillAction("hr1229-119", action, PROVENANCE)))
                    .hasMessageContaining("'action.recordedVote.date' 9999-12-31 lies in the future");
            assertThatThrownBy(() -> CALENDAR.check(
                            new IntroduceBill("hr1229-121", "A bill", LocalDate.of(2025, 2, 12), null, PROVENANCE)))
                    .hasMessageContaining("'billId' names the 121th Congress");
            assertThatThrownBy(() -> CALENDAR.check(new InvokeWaiver(
                            "waiver-faa620i",
                            "s",
                            LocalDate.of(2025, 2, 12),
                            null,
                            LocalDate.of(2100, 1, 1),
                            null,
                            PROVENANCE)))
                    .hasMessageContaining("'expiresOn' 2100-01-01 lies outside");
        }
    }
}
