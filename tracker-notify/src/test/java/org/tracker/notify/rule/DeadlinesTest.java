package org.tracker.notify.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.ReportKind;
import org.tracker.core.api.ReportMandated;
import org.tracker.core.measure.Deadline;
import org.tracker.core.measure.MeasureRow;

class DeadlinesTest {

    static final Instant LEARNED = Instant.parse("2025-02-08T15:00:00Z");
    static final LocalDate REVIEW_CLOSES = LocalDate.of(2025, 3, 10);

    final Measures measures = new Measures();

    MeasureRow armsSale() {
        measures.record("event-1", Facts.armsSale(REVIEW_CLOSES, LEARNED));
        return measures.get(Facts.ARMS_SALE).row();
    }

    @Test
    void aMeasureWithoutADeadlineHasNoDeadlineChange() {
        measures.record("event-1", Facts.introduced(LEARNED));

        assertThat(Deadlines.at(measures.get(Facts.BILL).row(), Instant.parse("2025-03-01T12:00:00Z")))
                .isEmpty();
    }

    @Test
    void anApproachingDeadlineSaysWhatWhenAndHowManyDaysAreLeft() {
        Instant now = Instant.parse("2025-03-05T17:00:00Z");

        assertThat(Deadlines.at(armsSale(), now)).hasValueSatisfying(change -> {
            assertThat(change.trigger()).isEqualTo(Trigger.DEADLINE_APPROACHING);
            assertThat(change.summary()).isEqualTo("30-day congressional review closes on 2025-03-10 (in 5 days)");
            assertThat(change.daysLeft()).isEqualTo(5);
            assertThat(change.measureId()).isEqualTo(Facts.ARMS_SALE);
            assertThat(change.to()).isEqualTo("30-day congressional review closes");
            assertThat(change.on()).isEqualTo(REVIEW_CLOSES);
            assertThat(change.recordedAt()).isEqualTo(now);
            assertThat(change.source()).isEqualTo(Facts.SOURCE);
            assertThat(change.eventId()).isNull();
        });
    }

    /** 00:30 UTC on the 10th is still the evening of the 9th in Washington, where Congress counts its days. */
    @Test
    void daysLeftAreCountedInWashingtonNotInUtc() {
        assertThat(Deadlines.at(armsSale(), Instant.parse("2025-03-10T00:30:00Z")))
                .hasValueSatisfying(change -> {
                    assertThat(change.daysLeft()).isEqualTo(1);
                    assertThat(change.summary())
                            .isEqualTo("30-day congressional review closes on 2025-03-10 (in 1 day)");
                });
    }

    @Test
    void aDeadlineIsStillApproachingUntilItsDayEndsInWashington() {
        assertThat(Deadlines.at(armsSale(), Instant.parse("2025-03-11T03:59:59Z")))
                .hasValueSatisfying(change -> {
                    assertThat(change.trigger()).isEqualTo(Trigger.DEADLINE_APPROACHING);
                    assertThat(change.daysLeft()).isZero();
                    assertThat(change.summary()).isEqualTo("30-day congressional review closes on 2025-03-10 (today)");
                });
    }

    @Test
    void aDeadlineHasPassedOnceItsDayHasEndedInWashington() {
        assertThat(Deadlines.at(armsSale(), Instant.parse("2025-03-11T04:00:00Z")))
                .hasValueSatisfying(change -> {
                    assertThat(change.trigger()).isEqualTo(Trigger.DEADLINE_PASSED);
                    assertThat(change.daysLeft()).isEqualTo(-1);
                    assertThat(change.summary())
                            .isEqualTo("30-day congressional review closes: the deadline of 2025-03-10 has passed");
                    assertThat(change.on()).isEqualTo(REVIEW_CLOSES);
                });
    }

    @Test
    void aDeadlinesLabelStartsTheSummaryCapitalised() {
        measures.record(
                "event-1",
                new ReportMandated(
                        "report-fy25-qme",
                        ReportKind.CERTIFICATION,
                        "Certification on Israel's qualitative military edge",
                        "22 U.S.C. 2776(h)",
                        "Congress",
                        LocalDate.of(2025, 4, 1),
                        Facts.learnedAt(LEARNED)));

        assertThat(Deadlines.at(measures.get("report-fy25-qme").row(), Instant.parse("2025-03-30T16:00:00Z")))
                .hasValueSatisfying(change ->
                        assertThat(change.summary()).isEqualTo("Certification due on 2025-04-01 (in 2 days)"));
    }

    @Test
    void aDeadlinePassesExactlyWhenPassesAtSays() {
        MeasureRow armsSale = armsSale();
        Instant passes = new Deadline(REVIEW_CLOSES, "review closes").passesAt();

        assertThat(Deadlines.at(armsSale, passes.minusNanos(1)))
                .hasValueSatisfying(change -> assertThat(change.trigger()).isEqualTo(Trigger.DEADLINE_APPROACHING));
        assertThat(Deadlines.at(armsSale, passes))
                .hasValueSatisfying(change -> assertThat(change.trigger()).isEqualTo(Trigger.DEADLINE_PASSED));
    }
}
