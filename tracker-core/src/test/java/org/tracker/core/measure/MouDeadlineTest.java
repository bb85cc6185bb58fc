package org.tracker.core.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.CongressTime;
import org.tracker.core.api.FundingCategory;
import org.tracker.core.api.FundingStage;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.MouExpired;
import org.tracker.core.api.MouSigned;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.TrancheFundingRecorded;

/**
 * The 2016 MoU's deadline: the end of its period, or sooner a year's FMF, due 30 days after its appropriation took
 * effect, until its disbursement is recorded.
 */
class MouDeadlineTest {

    static final String MOU = "mou-2016";

    final Map<String, MeasureRow> rows = new HashMap<>();
    long sequence;

    MeasureRow apply(MeasureEvent event) {
        MeasureFold.over(rows).apply(new SequencedEvent("event-" + sequence, sequence++, event));
        return rows.get(MOU);
    }

    static Provenance on(String date) {
        return new Provenance(CongressTime.startOf(LocalDate.parse(date)), Instant.now(), "test", "tester");
    }

    static TrancheFundingRecorded funding(int fiscalYear, FundingCategory category, FundingStage stage, String on) {
        return new TrancheFundingRecorded(MOU, fiscalYear, category, stage, 3_300_000_000L, on(on));
    }

    MeasureRow signed() {
        return apply(new MouSigned(
                MOU,
                "Memorandum of Understanding, FY2019-FY2028",
                LocalDate.of(2016, 9, 14),
                2019,
                2028,
                Map.of(FundingCategory.FMF, 33_000_000_000L, FundingCategory.MISSILE_DEFENSE, 5_000_000_000L),
                on("2016-09-14")));
    }

    @Test
    void aSignedMouIsDueToEndWithItsLastFiscalYear() {
        MeasureRow row = signed();

        assertThat(row.nextDeadline).isEqualTo(LocalDate.of(2028, 9, 30));
        assertThat(row.nextDeadlineLabel).isEqualTo("MoU period ends (FY2028)");
    }

    @Test
    void appropriatedFmfIsDueThirtyDaysLaterUntilItIsDisbursed() {
        signed();
        MeasureRow row = apply(funding(2026, FundingCategory.FMF, FundingStage.APPROPRIATED, "2026-03-23"));

        assertThat(row.nextDeadline).isEqualTo(LocalDate.of(2026, 4, 22));
        assertThat(row.nextDeadlineLabel).isEqualTo("FY2026 FMF disbursement due (30 days after appropriation)");

        row = apply(funding(2026, FundingCategory.FMF, FundingStage.OBLIGATED, "2026-04-01"));
        assertThat(row.nextDeadline).as("obligated is not yet paid out").isEqualTo(LocalDate.of(2026, 4, 22));

        row = apply(funding(2026, FundingCategory.FMF, FundingStage.DISBURSED, "2026-04-10"));
        assertThat(row.nextDeadline).isEqualTo(LocalDate.of(2028, 9, 30));
        assertThat(row.details).doesNotContainKey("disbursementsDue");
    }

    @Test
    void theEarliestOfSeveralOpenTranchesIsTheDeadline() {
        signed();
        apply(funding(2027, FundingCategory.FMF, FundingStage.APPROPRIATED, "2026-12-20"));
        MeasureRow row = apply(funding(2026, FundingCategory.FMF, FundingStage.APPROPRIATED, "2026-03-23"));

        assertThat(row.nextDeadlineLabel).startsWith("FY2026 FMF");
        row = apply(funding(2026, FundingCategory.FMF, FundingStage.DISBURSED, "2026-04-10"));
        assertThat(row.nextDeadline).isEqualTo(LocalDate.of(2027, 1, 19));
        assertThat(row.nextDeadlineLabel).startsWith("FY2027 FMF");
    }

    @Test
    void missileDefenseFundsHaveNoDisbursementRuleAndAnExpiredMouNoDeadline() {
        signed();
        MeasureRow row = apply(funding(2026, FundingCategory.MISSILE_DEFENSE, FundingStage.APPROPRIATED, "2026-03-23"));
        assertThat(row.nextDeadline).isEqualTo(LocalDate.of(2028, 9, 30));

        row = apply(new MouExpired(MOU, LocalDate.of(2028, 9, 30), on("2028-09-30")));
        assertThat(row.nextDeadline).isNull();
        row = apply(funding(2028, FundingCategory.FMF, FundingStage.APPROPRIATED, "2028-10-05"));
        assertThat(row.nextDeadline).as("no deadline comes back after expiry").isNull();
    }
}
