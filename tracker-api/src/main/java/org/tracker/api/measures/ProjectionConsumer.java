package org.tracker.api.measures;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tracker.core.measure.MeasureFold;
import org.tracker.core.measure.SequencedEvent;
import org.tracker.notify.parking.ParkingPolicy;
import org.tracker.notify.parking.StreamConsumer;

/**
 * Reads the event topic in batches and applies each batch to the measure table in one transaction; the offsets are
 * committed only after that transaction, so a crash replays the batch and the sequence check makes that harmless. An
 * event the table cannot take is parked by the policy both consumers share, and the rest of the batch goes on. What a
 * fold changed is logged in the same transaction ({@link MeasureChanges}), for every instance's open pages.
 */
@Component
public class ProjectionConsumer {

    public static final String GROUP = "tracker-projections";

    private final MeasureTable table;
    private final ParkingPolicy parking;
    private final MeasureChanges changes;

    public ProjectionConsumer(MeasureTable table, ParkingPolicy parking, MeasureChanges changes) {
        this.table = table;
        this.parking = parking;
        this.changes = changes;
    }

    @KafkaListener(
            id = GROUP,
            groupId = "${spring.kafka.consumer.group-id}",
            topics = "${tracker.topic}",
            batch = "true")
    public void consume(List<ConsumerRecord<String, byte[]>> records) {
        parking.process(StreamConsumer.PROJECTION, records, this::fold);
    }

    /** In the policy's transaction; a fold whose transaction rolls back (to be retried smaller) tells nobody. */
    private void fold(List<SequencedEvent> events) {
        MeasureFold fold = table.fold(events);
        if (!fold.changedRows().isEmpty()) {
            changes.record(fold);
        }
    }
}
