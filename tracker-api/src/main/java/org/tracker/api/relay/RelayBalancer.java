package org.tracker.api.relay;

import java.util.Collection;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.tracker.api.config.TrackerProperties;
import org.tracker.api.measures.ProjectionConsumer;

/**
 * Shares the relay's segments out among instances. Axon lets whichever instance starts first claim every segment, so
 * a second instance would relay nothing; the projection's consumer group, which Kafka already balances, says what
 * share of the work is this instance's. An instance holding more segments than its share of the topic's partitions
 * releases one for a while, and another instance's idle relay thread claims it. A lone instance holds every partition
 * and so keeps every segment; while a rebalance leaves it no partitions, it keeps what it has.
 */
@Component
class RelayBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayBalancer.class);

    private final EventProcessingConfiguration processing;
    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaTemplate<String, byte[]> kafka;
    private final TrackerProperties properties;

    RelayBalancer(
            EventProcessingConfiguration processing,
            KafkaListenerEndpointRegistry listeners,
            KafkaTemplate<String, byte[]> kafka,
            TrackerProperties properties) {
        this.processing = processing;
        this.listeners = listeners;
        this.kafka = kafka;
        this.properties = properties;
    }

    /**
     * Its own thread, as asking the broker for the topic's partitions may wait for the broker, and the scheduler Spring
     * runs the other timed work on has one thread.
     */
    private ScheduledExecutorService balancing;

    @Override
    public synchronized void start() {
        balancing = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "relay-balancer");
            thread.setDaemon(true);
            return thread;
        });
        balancing.scheduleWithFixedDelay(this::balanceQuietly, 10, 5, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        balancing.shutdownNow();
        balancing = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return balancing != null;
    }

    /** A broker out of reach leaves the segments where they are until the next round. */
    private void balanceQuietly() {
        try {
            balance();
        } catch (KafkaException e) {
            log.atDebug().log("relay segments not balanced this round: {}", e.getMessage());
        }
    }

    void balance() {
        StreamingEventProcessor relay = processing
                .eventProcessor(KafkaRelay.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElse(null);
        MessageListenerContainer projection = listeners.getListenerContainer(ProjectionConsumer.GROUP);
        if (relay == null || projection == null) {
            return;
        }
        Collection<TopicPartition> assigned = projection.getAssignedPartitions();
        if (assigned == null || assigned.isEmpty()) {
            return;
        }
        int partitions = kafka.partitionsFor(properties.topic()).size();
        int share = fairShare(RelayConfig.SEGMENTS, assigned.size(), partitions);
        if (relay.processingStatus().size() > share) {
            int released = relay.processingStatus().keySet().stream()
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            log.atInfo()
                    .addKeyValue("segment", released)
                    .addKeyValue("share", share)
                    .log("releasing relay segment {} for another instance: this one's share is {}", released, share);
            relay.releaseSegment(released, 15, TimeUnit.SECONDS);
        }
    }

    /** Segments in proportion to the partitions held, rounded up so that together the instances cover them all. */
    static int fairShare(int segments, int partitionsHeld, int partitions) {
        return (int) Math.ceil((double) segments * partitionsHeld / Math.max(partitions, partitionsHeld));
    }
}
