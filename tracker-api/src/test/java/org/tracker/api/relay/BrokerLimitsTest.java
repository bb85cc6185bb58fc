package org.tracker.api.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.tracker.api.TestServers;
import org.tracker.infra.EventSizeLimit;

/** The start-up check of the broker's size limits, against the real broker the tests share. */
class BrokerLimitsTest {

    @Test
    void theEmbeddedBrokerTakesTheLargestEvent() throws Exception {
        try (Admin admin = admin()) {
            assertThat(BrokerLimits.tooLow(admin, "no-such-topic", EventSizeLimit.LARGEST_RECORD_BYTES))
                    .isEmpty();
        }
    }

    @Test
    void aTopicWithASmallerLimitIsNamedWithTheSettingAndTheValueItNeeds() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(
                            new NewTopic("small-records", 1, (short) 1).configs(Map.of("max.message.bytes", "1000"))))
                    .all()
                    .get();

            List<String> tooLow = BrokerLimits.tooLow(admin, "small-records", EventSizeLimit.LARGEST_RECORD_BYTES);

            assertThat(tooLow)
                    .singleElement()
                    .asString()
                    .contains("topic small-records", "max.message.bytes=1000")
                    .contains(String.valueOf(EventSizeLimit.LARGEST_RECORD_BYTES));
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()));
    }
}
