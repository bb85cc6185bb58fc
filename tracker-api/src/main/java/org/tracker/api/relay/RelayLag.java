package org.tracker.api.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * {@code tracker.relay.lag}: how many stored events have not yet been relayed to Kafka. It should hover near zero;
 * a growing value means the broker is unreachable or slower than the commands coming in.
 */
@Component
class RelayLag implements MeterBinder {

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;

    RelayLag(EventStore eventStore, EventProcessingConfiguration processing) {
        this.eventStore = eventStore;
        this.processing = processing;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tracker.relay.lag", this::lag)
                .description("stored events not yet published to Kafka")
                .baseUnit("events")
                .register(registry);
    }

    private double lag() {
        OptionalLong head = position(eventStore.createHeadToken());
        if (head.isEmpty()) {
            return 0;
        }
        long relayed = -1;
        StreamingEventProcessor relay = processing
                .eventProcessor(KafkaRelay.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElse(null);
        if (relay != null) {
            for (EventTrackerStatus status : relay.processingStatus().values()) {
                relayed = Math.max(relayed, status.getCurrentPosition().orElse(-1));
            }
        }
        return Math.max(0, head.getAsLong() - relayed);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
