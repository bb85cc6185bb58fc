package org.tracker.api.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tracker.core.api.MeasureEvent;

/**
 * Reads the event topic in batches and applies each batch to the measure table in one transaction; the offsets are
 * committed only after that transaction, so a crash replays the batch and the sequence check makes that harmless.
 */
@Component
public class ProjectionConsumer {

    public static final String GROUP = "tracker-projections";

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumer.class);

    private final KafkaMessageConverter<String, byte[]> converter;
    private final MeasureTable table;
    private final TransactionTemplate transaction;

    public ProjectionConsumer(
            KafkaMessageConverter<String, byte[]> converter, MeasureTable table, TransactionTemplate transaction) {
        this.converter = converter;
        this.table = table;
        this.transaction = transaction;
    }

    @KafkaListener(
            id = GROUP,
            groupId = "${spring.kafka.consumer.group-id}",
            topics = "${tracker.topic}",
            batch = "true")
    public void consume(List<ConsumerRecord<String, byte[]>> records) {
        transaction.executeWithoutResult(status -> project(records));
    }

    private void project(List<ConsumerRecord<String, byte[]>> records) {
        List<DomainEventMessage<?>> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<EventMessage<?>> message = converter.readKafkaMessage(record);
            if (message.isPresent()
                    && message.get() instanceof DomainEventMessage<?> domain
                    && domain.getPayload() instanceof MeasureEvent) {
                events.add(domain);
            } else {
                log.warn(
                        "skipping a record the tracker cannot read: topic {} partition {} offset {}",
                        record.topic(),
                        record.partition(),
                        record.offset());
            }
        }
        MeasureFold.apply(events, table);
    }
}
