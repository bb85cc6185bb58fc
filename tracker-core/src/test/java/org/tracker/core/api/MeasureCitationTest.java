package org.tracker.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeasureCitationTest {

    @Test
    void billsAndResolutionsAreCitedAsCongressCitesThem() {
        assertThat(MeasureCitation.of("hr1229-119", "t")).isEqualTo("H.R. 1229");
        assertThat(MeasureCitation.of("s554-119", "t")).isEqualTo("S. 554");
        assertThat(MeasureCitation.of("sjres111-118", "t")).isEqualTo("S.J.Res. 111");
        assertThat(MeasureCitation.of("hconres7-118", "t")).isEqualTo("H.Con.Res. 7");
        assertThat(MeasureCitation.of("sres12-119", "t")).isEqualTo("S.Res. 12");
    }

    @Test
    void votesAndArmsSalesByTheirNumbers() {
        assertThat(MeasureCitation.of("vote-s118.2-292", "On the Motion to Discharge"))
                .isEqualTo("Senate roll call 292");
        assertThat(MeasureCitation.of("vote-h119.1-17", null)).isEqualTo("House roll call 17");
        assertThat(MeasureCitation.of("armssale-25-34", "Proposed sale")).isEqualTo("Transmittal 25-34");
    }

    @Test
    void kindsWithoutANumberByTheirTitle() {
        assertThat(MeasureCitation.of("waiver-faa620i", "FAA §620I")).isEqualTo("FAA §620I");
        assertThat(MeasureCitation.of("mou-2016", null)).isEqualTo("mou-2016");
    }
}
