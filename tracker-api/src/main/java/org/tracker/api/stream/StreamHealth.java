package org.tracker.api.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.tracker.api.measures.ProjectionConsumer;
import org.tracker.api.relay.KafkaRelay;
import org.tracker.notify.stream.NotifierConsumer;

/**
 * The {@code stream} health component and the {@code tracker.stream.partitions} and {@code tracker.stream.lag}
 * metrics: for each consumer group, the partitions this instance holds and how many records they still have to read,
 * and the relay segments it claimed. DOWN only while a consumer that should run does not; holding nothing (another
 * instance has it all, or a rebalance is under way) is UP, with the numbers to tell which.
 */
@Component("stream")
class StreamHealth implements HealthIndicator, MeterBinder {

    private static final Map<String, String> CONSUMERS =
            Map.of("projection", ProjectionConsumer.GROUP, "notifier", NotifierConsumer.ID);

    private final KafkaListenerEndpointRegistry listeners;
    private final EventProcessingConfiguration processing;

    StreamHealth(KafkaListenerEndpointRegistry listeners, EventProcessingConfiguration processing) {
        this.listeners = listeners;
        this.processing = processing;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        CONSUMERS.forEach((name, listenerId) -> {
            MessageListenerContainer container = listeners.getListenerContainer(listenerId);
            if (container == null || !container.isAutoStartup()) {
                health.withDetail(name, Map.of("running", false, "reason", "turned off"));
                return;
            }
            if (!container.isRunning()) {
                health.down();
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", container.isRunning());
            detail.put("partitions", partitions(container));
            detail.put("lag", lag(container));
            health.withDetail(name, detail);
        });
        health.withDetail("relay", Map.of("segments", relaySegments()));
        return health.build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CONSUMERS.forEach((name, listenerId) -> {
            Gauge.builder("tracker.stream.partitions", () -> container(listenerId)
                            .map(container -> partitions(container).size())
                            .orElse(0))
                    .description("partitions of the event topic this instance's consumer holds")
                    .tag("consumer", name)
                    .register(registry);
            Gauge.builder(
                            "tracker.stream.lag",
                            () -> container(listenerId).map(StreamHealth::lag).orElse(0L))
                    .description("records in the partitions this instance holds that its consumer has yet to read")
                    .baseUnit("records")
                    .tag("consumer", name)
                    .register(registry);
        });
        Gauge.builder("tracker.relay.segments", () -> relaySegments().size())
                .description("segments of the store-to-Kafka relay this instance has claimed")
                .register(registry);
    }

    private java.util.Optional<MessageListenerContainer> container(String listenerId) {
        return java.util.Optional.ofNullable(listeners.getListenerContainer(listenerId));
    }

    private static List<Integer> partitions(MessageListenerContainer container) {
        Collection<TopicPartition> assigned = container.getAssignedPartitions();
        return assigned == null
                ? List.of()
                : assigned.stream().map(TopicPartition::partition).sorted().toList();
    }

    /** The sum of the consumer's own per-partition lag metrics; a partition not fetched from yet counts nothing. */
    private static long lag(MessageListenerContainer container) {
        long lag = 0;
        for (Map<MetricName, ? extends Metric> metrics : container.metrics().values()) {
            for (Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
                MetricName name = metric.getKey();
                if (name.name().equals("records-lag")
                        && name.group().equals("consumer-fetch-manager-metrics")
                        && name.tags().containsKey("partition")
                        && metric.getValue().metricValue() instanceof Double value
                        && !value.isNaN()) {
                    lag += value.longValue();
                }
            }
        }
        return lag;
    }

    private List<Integer> relaySegments() {
        return processing
                .eventProcessor(KafkaRelay.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(relay ->
                        relay.processingStatus().keySet().stream().sorted().toList())
                .orElse(List.of());
    }
}
