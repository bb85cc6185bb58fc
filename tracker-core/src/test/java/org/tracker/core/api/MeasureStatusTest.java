package org.tracker.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Typed statuses keep the spellings the projections store and clients filter by. */
class MeasureStatusTest {

    @Test
    void everyStatusIsFoundAgainByItsKindAndCode() {
        Stream.of(
                        BillStatus.values(),
                        VoteStatus.values(),
                        ArmsSaleStatus.values(),
                        WaiverStatus.values(),
                        MouStatus.values(),
                        ReportStatus.values())
                .flatMap(Stream::of)
                .forEach(status -> assertThat(MeasureStatus.of(status.kind(), status.code()))
                        .isSameAs(status));
    }

    @Test
    void everyKindListsItsOwnStatusesInTheirOrder() {
        assertThat(MeasureStatus.all(MeasureKind.MOU)).containsExactly((MeasureStatus[]) MouStatus.values());
        assertThat(MeasureStatus.all(MeasureKind.BILL)).first().isSameAs(BillStatus.INTRODUCED);
    }

    @Test
    void theStoredSpellingsAreKept() {
        assertThat(BillStatus.PASS_OVER_HOUSE.code()).isEqualTo("PASS_OVER:HOUSE");
        assertThat(MeasureStatus.of(MeasureKind.MOU, "EXPIRED")).isSameAs(MouStatus.EXPIRED);
        assertThat(MeasureStatus.of(MeasureKind.WAIVER, "EXPIRED")).isSameAs(WaiverStatus.EXPIRED);
        assertThat(ReportStatus.SUBMITTED_LATE.code()).isEqualTo("SUBMITTED_LATE");
    }

    @Test
    void aCodeOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> MeasureStatus.of(MeasureKind.VOTE, "INTRODUCED"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INTRODUCED");
    }
}
