package org.tracker.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker takes from plain clients on this machine: the stored payloads sent with their measure ids as keys by
 * a producer built from the tracker's own producer settings (acks, idempotence, linger, batch size, compression), then
 * read back by a consumer built from the projection's consumer settings. Both are connected before the clock starts,
 * as the tracker's clients are when they work.
 */
final class KafkaBaseline {

    static final String PRODUCER_PATH = "plain Kafka producer (baseline)";
    static final String CONSUMER_PATH = "plain Kafka consumer (baseline)";

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private KafkaBaseline() {}

    static Measurement produce(Map<String, Object> producerSettings, String topic, List<StoredEvent> events)
            throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings)) {
            producer.partitionsFor(topic);
            List<Future<RecordMetadata>> sends = new ArrayList<>(events.size());
            long start = System.nanoTime();
            for (StoredEvent event : events) {
                sends.add(producer.send(new ProducerRecord<>(topic, event.aggregateIdentifier(), event.payload())));
            }
            producer.flush();
            Measurement measurement = Measurement.since(PRODUCER_PATH, events.size(), start);
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
            return measurement;
        }
    }

    static Measurement consume(Map<String, Object> consumerSettings, String topic, long expected) {
        Map<String, Object> settings = new HashMap<>(consumerSettings);
        // Partitions are assigned, not subscribed to, so no group rebalance is timed; nothing is committed either.
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "tracker-bench-baseline");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.forEach(consumer::position);
            long start = System.nanoTime();
            long deadline = start + READ_TIMEOUT.toNanos();
            long read = 0;
            while (read < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("read only " + read + " of " + expected + " records from " + topic
                            + " within " + READ_TIMEOUT);
                }
                read += consumer.poll(POLL_TIMEOUT).count();
            }
            return Measurement.since(CONSUMER_PATH, read, start);
        }
    }
}
