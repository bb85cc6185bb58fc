package org.tracker.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BillCitationTest {

    @ParameterizedTest
    @CsvSource({
        "H.R. 1229, HR, 1229, ",
        "HR1229, HR, 1229, ",
        "h.r.1229, HR, 1229, ",
        "'  H. R. 1229 ', HR, 1229, ",
        "hr 01229, HR, 1229, ",
        "S.J.Res. 111, SJRES, 111, ",
        "SJRES111, SJRES, 111, ",
        "S 554, S, 554, ",
        "S. 554, S, 554, ",
        "H.Con.Res. 7, HCONRES, 7, ",
        "H. Res. 5, HRES, 5, ",
        "HR1229-119, HR, 1229, 119",
        "hr1229-119, HR, 1229, 119",
        "1229, , 1229, ",
        "1229-119, , 1229, 119"
    })
    void aCitationIsReadHoweverItIsCommonlyWritten(String text, BillType type, int number, Integer congress) {
        assertThat(BillCitation.read(text)).contains(new BillCitation(type, number, congress));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Israel",
                "H.R.",
                "FY 2025",
                "Israel 2025",
                "1229a",
                "H.R. 0",
                "0",
                "hr1229-0",
                "1234567890",
                "vote-s118.2-292",
                "armssale-25-34",
                "mou-2016",
                "H.R. 1229 and S. 554"
            })
    void wordsAndOtherIdsAreNoCitation(String text) {
        assertThat(BillCitation.read(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"H.R. 1229, hr1229-", "sjres111-118, sjres111-", "S 554, s554-"})
    void aTypedCitationNamesTheStartOfItsIds(String text, String prefix) {
        assertThat(BillCitation.read(text).orElseThrow().idPrefix()).isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1229", "1229-119"})
    void aNumberAloneNamesNoTypeAndSoNoStart(String text) {
        assertThat(BillCitation.read(text).orElseThrow().idPrefix()).isNull();
        assertThat(BillCitation.read(text).orElseThrow().id()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"H.R. 1229-119, hr1229-119", "HR01229-119, hr1229-119", "H.R. 1229, ", "1229-119, "})
    void aCitationWithTypeAndCongressNamesOneBill(String text, String id) {
        assertThat(BillCitation.read(text).orElseThrow().id()).isEqualTo(id);
    }

    @Test
    void theOrderKeysSortBillsByTypeNumberAndCongressThenOtherMeasuresById() {
        List<String> inOrder = List.of(
                "hr2-119",
                "hr10-118",
                "hr1229-118",
                "hr1229-119",
                "s9-119",
                "s554-119",
                "hjres1-119",
                "sjres111-118",
                "hconres3-119",
                "sconres3-119",
                "hres5-119",
                "sres5-119",
                "armssale-25-34",
                "mou-2016",
                "report-nsm20-2024-05",
                "vote-s118.2-292",
                "waiver-faa620i");
        List<String> shuffled = new ArrayList<>(inOrder);
        Collections.shuffle(shuffled, new Random(1229));
        assertThat(shuffled.stream()
                        .sorted(Comparator.comparing(BillCitation::orderKey))
                        .toList())
                .containsExactlyElementsOf(inOrder);
        assertThat(BillCitation.orderKey("hr1229-119")).isEqualTo("00000001229" + "0119");
        assertThat(BillCitation.orderKey("vote-s118.2-292")).isEqualTo("1vote-s118.2-292");
    }
}
