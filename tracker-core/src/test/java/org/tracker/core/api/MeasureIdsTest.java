package org.tracker.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MeasureIdsTest {

    @ParameterizedTest
    @CsvSource({
        "hr1229-119, hr1229-119, BILL",
        "hr01229-119, hr1229-119, BILL",
        "HR1229-119, hr1229-119, BILL",
        "hr1229-0119, hr1229-119, BILL",
        "SJRes111-118, sjres111-118, BILL",
        "vote-s118.2-292, vote-s118.2-292, VOTE",
        "VOTE-S118.02-0292, vote-s118.2-292, VOTE",
        "armssale-24-85, armssale-24-85, ARMS_SALE",
        "ArmsSale-0C-23, armssale-0c-23, ARMS_SALE",
        "waiver-FAA620i, waiver-faa620i, WAIVER",
        "MOU-2016, mou-2016, MOU",
        "report-nsm20-2024-05, report-nsm20-2024-05, REPORT"
    })
    void everyIdHasOneCanonicalForm(String given, String canonical, MeasureKind kind) {
        assertThat(MeasureIds.canonical(given, "id")).isEqualTo(canonical);
        assertThat(MeasureIds.kindOf(canonical)).isEqualTo(kind);
        assertThat(MeasureIds.requireCanonical(canonical, "id")).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hr01229-119", "HR1229-119", "hr1229-0119"})
    void aBillIdWrittenOtherwiseIsRefusedNamingItsCanonicalForm(String given) {
        assertThatThrownBy(() -> MeasureIds.requireCanonical(given, "billId"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'billId' '" + given + "' is not written as the tracker writes measure ids; write"
                        + " 'hr1229-119'");
        assertThatThrownBy(() -> BillId.parse(given)).hasMessageContaining("write 'hr1229-119'");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "hr",
                "hr-119",
                "hr1229",
                "hr1229-119-r1",
                "hx1229-119",
                "S.J.Res.111",
                "hr1229-1234567890",
                "vote-x118.2-1",
                "waiver-",
                "waiver--620i",
                "waiver-620i-",
                "waiver-620i/../x",
                "mou 2016",
                "hr1229-119\u0000"
            })
    void whatHasTheFormOfNoMeasureIdIsRefused(String given) {
        assertThatThrownBy(() -> MeasureIds.canonical(given, "measureId"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'measureId'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hr0-119", "hr1-0", "hr000-119"})
    void billNumbersAndCongressesStartAtOne(String given) {
        assertThatThrownBy(() -> MeasureIds.canonical(given, "billId"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts at 1");
    }

    @org.junit.jupiter.api.Test
    void anIdOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> MeasureIds.require(MeasureKind.WAIVER, "mou-2016", "waiverId"))
                .hasMessage("'waiverId' 'mou-2016' is not the id of a waiver, as in waiver-faa620i");
        Provenance provenance = new Provenance(Instant.EPOCH, Instant.EPOCH, "test", "t");
        assertThatThrownBy(() -> new RecordMouExpiry("MOU-2016", null, provenance))
                .hasMessage("'mouId' 'MOU-2016' is not written as the tracker writes measure ids; write 'mou-2016'");
    }

    @org.junit.jupiter.api.Test
    void anOverlongIdIsRefusedBeforeItIsRead() {
        assertThatThrownBy(() -> MeasureIds.canonical("report-" + "a".repeat(FactLimits.MEASURE_ID), "reportId"))
                .hasMessageContaining("'reportId' is 71 characters long");
    }
}
