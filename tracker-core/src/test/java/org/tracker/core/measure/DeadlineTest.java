package org.tracker.core.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.ReportKind;

/** Every kind's deadline rule, and when a deadline's day is over in Washington. */
class DeadlineTest {

    static final LocalDate REVIEW_CLOSES = LocalDate.of(2025, 3, 10);

    @Test
    void aDeadlinePassesAtTheStartOfTheNextDayInWashingtonWhateverTheSeason() {
        assertThat(new Deadline(LocalDate.of(2025, 1, 15), "x").passesAt())
                .isEqualTo(Instant.parse("2025-01-16T05:00:00Z"));
        assertThat(new Deadline(REVIEW_CLOSES, "x").passesAt()).isEqualTo(Instant.parse("2025-03-11T04:00:00Z"));
    }

    @Test
    void daysLeftCountFromTheDayItIsInWashington() {
        Deadline review = Deadline.reviewCloses(REVIEW_CLOSES, 15);

        assertThat(review.label()).isEqualTo("15-day congressional review closes");
        assertThat(review.daysLeftAt(Instant.parse("2025-03-10T03:59:59Z"))).isEqualTo(1);
        assertThat(review.daysLeftAt(Instant.parse("2025-03-10T04:00:00Z"))).isZero();
        assertThat(review.hasPassedAt(Instant.parse("2025-03-11T03:59:59Z"))).isFalse();
        assertThat(review.hasPassedAt(Instant.parse("2025-03-11T04:00:00Z"))).isTrue();
    }

    @Test
    void eachKindNamesItsDeadline() {
        assertThat(Deadline.waiverExpires(REVIEW_CLOSES).label()).isEqualTo("waiver expires");
        assertThat(Deadline.reportDue(REVIEW_CLOSES, ReportKind.CERTIFICATION).label())
                .isEqualTo("certification due");
        assertThat(Deadline.fmfDisbursementDue(Instant.parse("2025-03-15T17:00:00Z")))
                .isEqualTo(LocalDate.of(2025, 4, 14));
    }

    @Test
    void anMouIsDueAtTheEarliestOfItsOpenDisbursementsAndTheEndOfItsPeriod() {
        assertThat(Deadline.mou(2028, Map.of()))
                .isEqualTo(new Deadline(LocalDate.of(2028, 9, 30), "MoU period ends (FY2028)"));
        assertThat(Deadline.mou(
                        2028, Map.of("FY2026 FMF", LocalDate.of(2026, 4, 1), "FY2025 FMF", LocalDate.of(2025, 4, 14))))
                .isEqualTo(new Deadline(
                        LocalDate.of(2025, 4, 14), "FY2025 FMF disbursement due (30 days after appropriation)"));
    }
}
