package org.tracker.api.relay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelayBalancerTest {

    @Test
    void aLoneInstanceKeepsEverySegment() {
        assertThat(RelayBalancer.fairShare(2, 6, 6)).isEqualTo(2);
    }

    @Test
    void twoInstancesSharingThePartitionsEvenlyTakeOneSegmentEach() {
        assertThat(RelayBalancer.fairShare(2, 3, 6)).isEqualTo(1);
    }

    @Test
    void sharesAreRoundedUpSoThatTogetherTheyCoverEverySegment() {
        assertThat(RelayBalancer.fairShare(2, 2, 6)).isEqualTo(1);
        assertThat(RelayBalancer.fairShare(2, 4, 6)).isEqualTo(2);
        assertThat(RelayBalancer.fairShare(2, 1, 6)).isEqualTo(1);
    }
}
