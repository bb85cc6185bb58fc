package org.tracker.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Creates topics and counts what they hold, from outside the tracker. */
final class KafkaTopics implements AutoCloseable {

    private final Admin admin;
    private final Map<String, Map<TopicPartition, OffsetSpec>> endOffsetSpecs = new HashMap<>();

    KafkaTopics(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    void create(String topic, int partitions) throws InterruptedException, ExecutionException {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                .all()
                .get();
    }

    /** Moves the group's committed offsets on every partition of the topic back to the start; the group must be idle. */
    void rewind(String group, String topic) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> start = endOffsetsOf(topic).keySet().stream()
                .collect(Collectors.toMap(partition -> partition, partition -> new OffsetAndMetadata(0)));
        admin.alterConsumerGroupOffsets(group, start).all().get();
    }

    /** Records written to the topic so far: the sum of its partitions' end offsets. */
    long records(String topic) throws InterruptedException, ExecutionException {
        return admin.listOffsets(endOffsetsOf(topic)).all().get().values().stream()
                .mapToLong(ListOffsetsResultInfo::offset)
                .sum();
    }

    /** Asked once per topic: these counts are polled every few milliseconds while a measurement runs. */
    private Map<TopicPartition, OffsetSpec> endOffsetsOf(String topic) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> partitions = endOffsetSpecs.get(topic);
        if (partitions == null) {
            TopicDescription description =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            partitions = description.partitions().stream()
                    .collect(Collectors.toMap(
                            partition -> new TopicPartition(topic, partition.partition()),
                            partition -> OffsetSpec.latest()));
            endOffsetSpecs.put(topic, partitions);
        }
        return partitions;
    }

    @Override
    public void close() {
        admin.close();
    }
}
