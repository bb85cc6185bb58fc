package org.tracker.api.measures;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tracker.notify.parking.ParkingPolicy;
import org.tracker.notify.parking.StreamConsumer;

/**
 * Reads the event topic in batches and applies each batch to the measure table in one transaction; the offsets are
 * committed only after that transaction, so a crash replays the batch and the sequence check makes that harmless. An
 * event the table cannot take is parked by the policy both consumers share, and the rest of the batch goes on.
 */
@Component
public class ProjectionConsumer {

    public static final String GROUP = "tracker-projections";

    private final MeasureTable table;
    private final ParkingPolicy parking;

    public ProjectionConsumer(MeasureTable table, ParkingPolicy parking) {
        this.table = table;
        this.parking = parking;
    }

    @KafkaListener(
            id = GROUP,
            groupId = "${spring.kafka.consumer.group-id}",
            topics = "${tracker.topic}",
            batch = "true")
    public void consume(List<ConsumerRecord<String, byte[]>> records) {
        parking.process(StreamConsumer.PROJECTION, records, table::fold);
    }
}
