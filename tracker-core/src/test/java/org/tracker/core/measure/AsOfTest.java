package org.tracker.core.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.BillIntroduced;
import org.tracker.core.api.BillStatus;
import org.tracker.core.api.BillStatusChanged;
import org.tracker.core.api.BillType;
import org.tracker.core.api.Provenance;

/**
 * A bill introduced on 24 September (learned that evening) and referred on 25 September (learned only on 1 October,
 * when an import caught up): what was known when, and what was true when.
 */
class AsOfTest {

    static final String BILL = "sjres111-118";
    static final Instant INTRODUCED_LEARNED = Instant.parse("2024-09-24T22:00:00Z");
    static final Instant REFERRAL_LEARNED = Instant.parse("2024-10-01T14:00:00Z");

    static final BillIntroduced INTRODUCED = new BillIntroduced(
            BILL,
            BillType.SJRES,
            111,
            118,
            "Disapproval",
            LocalDate.of(2024, 9, 24),
            null,
            new Provenance(Instant.parse("2024-09-24T04:00:00Z"), INTRODUCED_LEARNED, "test", "tester"));
    /** Effective at 23:30 in Washington on the 25th, which is already the 26th in UTC. */
    static final BillStatusChanged REFERRED = new BillStatusChanged(
            BILL,
            BillStatus.INTRODUCED,
            BillStatus.REFERRED,
            LocalDate.of(2024, 9, 25),
            "Referred to the Committee on Foreign Relations.",
            new Provenance(Instant.parse("2024-09-26T03:30:00Z"), REFERRAL_LEARNED, "test", "tester"));

    static String statusAt(AsOf moment) {
        AsOf.Fold fold = new AsOf.Fold(moment);
        fold.add(new SequencedEvent("introduced", 0, INTRODUCED));
        fold.add(new SequencedEvent("referred", 1, REFERRED));
        MeasureRow row = fold.measures().get(BILL);
        return row == null ? null : row.status;
    }

    @Test
    void knownAtCountsWhatWasRecordedByThenIncludingThatVeryInstant() {
        assertThat(statusAt(new AsOf(INTRODUCED_LEARNED.minusSeconds(1), null))).isNull();
        assertThat(statusAt(new AsOf(INTRODUCED_LEARNED, null))).isEqualTo("INTRODUCED");
        assertThat(statusAt(new AsOf(REFERRAL_LEARNED.minusSeconds(1), null))).isEqualTo("INTRODUCED");
        assertThat(statusAt(new AsOf(REFERRAL_LEARNED, null))).isEqualTo("REFERRED");
    }

    @Test
    void effectiveOnCountsWhatHadHappenedByTheEndOfThatDayInWashington() {
        assertThat(statusAt(new AsOf(null, LocalDate.of(2024, 9, 23)))).isNull();
        assertThat(statusAt(new AsOf(null, LocalDate.of(2024, 9, 24)))).isEqualTo("INTRODUCED");
        assertThat(statusAt(new AsOf(null, LocalDate.of(2024, 9, 25)))).isEqualTo("REFERRED");
    }

    @Test
    void bothTogetherAskWhatWasKnownThenAboutThatDay() {
        assertThat(statusAt(new AsOf(Instant.parse("2024-09-27T12:00:00Z"), LocalDate.of(2024, 9, 25))))
                .as("on the 27th the referral of the 25th was not yet known")
                .isEqualTo("INTRODUCED");
    }

    @Test
    void withNeitherEverythingCounts() {
        assertThat(statusAt(new AsOf(null, null))).isEqualTo("REFERRED");
    }
}
