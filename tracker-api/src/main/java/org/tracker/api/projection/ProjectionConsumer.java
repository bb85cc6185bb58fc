package org.tracker.api.projection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.projection.MeasureProjector;
import org.tracker.core.projection.MeasureRow;

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
        Set<String> ids = new LinkedHashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<EventMessage<?>> message = converter.readKafkaMessage(record);
            if (message.isPresent()
                    && message.get() instanceof DomainEventMessage<?> domain
                    && domain.getPayload() instanceof MeasureEvent event) {
                events.add(domain);
                ids.add(event.measureId());
                if (event instanceof RollCallVoteRecorded vote && vote.votedOn() != null) {
                    ids.add(vote.votedOn());
                }
            } else {
                log.warn(
                        "skipping a record the tracker cannot read: topic {} partition {} offset {}",
                        record.topic(),
                        record.partition(),
                        record.offset());
            }
        }
        Map<String, MeasureRow> rows = table.load(ids);
        Set<String> changed = new LinkedHashSet<>();
        for (DomainEventMessage<?> event : events) {
            changed.addAll(MeasureProjector.apply(
                    (MeasureEvent) event.getPayload(),
                    event.getSequenceNumber(),
                    id -> rows.computeIfAbsent(id, MeasureRow::new)));
        }
        table.save(changed.stream().map(rows::get).toList());
    }
}
