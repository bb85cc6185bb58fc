package org.tracker.notify.parking;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The stand-in the relay publishes for a stored event the broker refused (too large for it), so that the stream goes
 * on and both consumers park that event where it stood in its measure. It has the event's key (its measure) and an
 * empty value; what it stands for is in headers of its own, not Axon's, so that no Axon consumer mistakes it for the
 * event. The event itself stays in the store, where a retry reads it.
 *
 * @param type the event's payload type
 * @param reason why the broker refused it
 */
public record UnpublishedEvent(String measureId, long sequence, String eventId, String type, String reason) {

    static final String UNPUBLISHED = "tracker-unpublished";
    static final String EVENT_ID = "tracker-event-id";
    static final String SEQUENCE = "tracker-event-sequence";
    static final String TYPE = "tracker-event-type";

    private static final byte[] NO_VALUE = new byte[0];

    public ProducerRecord<String, byte[]> toRecord(String topic) {
        Headers headers = new RecordHeaders()
                .add(UNPUBLISHED, bytes(reason))
                .add(EVENT_ID, bytes(eventId))
                .add(SEQUENCE, bytes(Long.toString(sequence)))
                .add(TYPE, bytes(type));
        return new ProducerRecord<>(topic, null, measureId, NO_VALUE, headers);
    }

    /** @return the stand-in a record is, or empty for any other record */
    static Optional<UnpublishedEvent> of(ConsumerRecord<String, byte[]> record) {
        Header reason = record.headers().lastHeader(UNPUBLISHED);
        if (reason == null) {
            return Optional.empty();
        }
        String sequence = text(record, SEQUENCE);
        return Optional.of(new UnpublishedEvent(
                record.key(),
                sequence == null ? -1 : Long.parseLong(sequence),
                text(record, EVENT_ID),
                text(record, TYPE),
                new String(reason.value(), StandardCharsets.UTF_8)));
    }

    private static String text(ConsumerRecord<String, byte[]> record, String header) {
        Header found = record.headers().lastHeader(header);
        return found == null ? null : new String(found.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
