package org.tracker.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaServerTest {

    private static final String TOPIC = "measure-events";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static final String GROUP = "projection";

    @TempDir
    Path data;

    @Test
    void keepsRecordsAndCommittedOffsetsAcrossARestartOnTheSameDirectoryAndPort() throws Exception {
        int port;
        List<String> sent = IntStream.range(0, 10).mapToObj(i -> "event-" + i).toList();
        try (EmbeddedKafkaServer server = EmbeddedKafkaServer.start(data, 0)) {
            port = server.port();
            try (Admin admin = admin(server)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)))
                        .all()
                        .get();
            }
            try (KafkaProducer<String, String> producer = producer(server)) {
                for (String value : sent) {
                    producer.send(new ProducerRecord<>(TOPIC, "measure-1", value))
                            .get();
                }
            }
            try (KafkaConsumer<String, String> consumer = consumer(server, GROUP)) {
                consumer.subscribe(List.of(TOPIC));
                assertThat(pollValues(consumer, sent.size())).isEqualTo(sent);
                consumer.commitSync();
            }
        }

        try (EmbeddedKafkaServer server = EmbeddedKafkaServer.start(data, port)) {
            assertThat(server.bootstrapServers()).endsWith(":" + port);
            try (Admin admin = admin(server)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get();
                assertThat(committed.get(PARTITION).offset()).isEqualTo(sent.size());
            }
            try (KafkaConsumer<String, String> reader = consumer(server, "reader")) {
                reader.assign(Set.of(PARTITION));
                reader.seekToBeginning(Set.of(PARTITION));
                assertThat(pollValues(reader, sent.size())).isEqualTo(sent);
            }
            try (KafkaProducer<String, String> producer = producer(server)) {
                producer.send(new ProducerRecord<>(TOPIC, "measure-1", "event-after-restart"))
                        .get();
            }
            try (KafkaConsumer<String, String> consumer = consumer(server, GROUP)) {
                consumer.subscribe(List.of(TOPIC));
                assertThat(pollValues(consumer, 1)).containsExactly("event-after-restart");
            }
        }
    }

    @Test
    void producerReconnectsWhenTheBrokerComesBackOnTheSamePort() throws Exception {
        EmbeddedKafkaServer first = EmbeddedKafkaServer.start(data, 0);
        int port = first.port();
        try (Admin admin = admin(first)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = producer(first)) {
            producer.send(new ProducerRecord<>(TOPIC, "before")).get();
            first.close();

            try (EmbeddedKafkaServer second = EmbeddedKafkaServer.start(data, port);
                    KafkaConsumer<String, String> reader = consumer(second, "reader")) {
                producer.send(new ProducerRecord<>(TOPIC, "after")).get();
                reader.assign(Set.of(PARTITION));
                reader.seekToBeginning(Set.of(PARTITION));
                assertThat(pollValues(reader, 2)).containsExactly("before", "after");
            }
        }
    }

    @Test
    void refusesToCreateTopicsOnFirstUse() throws Exception {
        try (EmbeddedKafkaServer server = EmbeddedKafkaServer.start(data, 0);
                Admin admin = admin(server)) {
            try (KafkaConsumer<String, String> consumer = consumer(server, GROUP)) {
                consumer.subscribe(List.of("no-such-topic"));
                consumer.poll(Duration.ofSeconds(1));
            }
            assertThat(admin.listTopics().names().get()).doesNotContain("no-such-topic");
        }
    }

    @Test
    void refusesASecondServerOnADirectoryInUseAndLeavesTheFirstRunning() throws Exception {
        try (EmbeddedKafkaServer server = EmbeddedKafkaServer.start(data, 0)) {
            assertThatThrownBy(() -> EmbeddedKafkaServer.start(data, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("running on");
            try (Admin admin = admin(server)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)))
                        .all()
                        .get();
                assertThat(admin.listTopics().names().get()).contains(TOPIC);
            }
        }
    }

    private static List<String> pollValues(KafkaConsumer<String, String> consumer, int count) {
        List<String> values = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInSameThread()
                .pollInterval(Duration.ZERO)
                .until(() -> {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        values.add(record.value());
                    }
                    return values.size() >= count;
                });
        return values;
    }

    private static Admin admin(EmbeddedKafkaServer server) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, server.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaServer server) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        server.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafkaServer server, String group) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        server.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer());
    }
}
