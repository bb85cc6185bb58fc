package org.tracker.notify.parking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.HeaderUtils;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.measure.SequencedEvent;
import org.tracker.notify.parking.ParkedEvents.Parking;

/**
 * The one retry-and-park policy of both consumers of the stream. A batch is applied whole, in one transaction. When
 * that fails for a reason that is not an outage, each measure's events are applied in a transaction of their own, and
 * a measure whose events fail together has them applied one by one, each tried alone a few times; the first that
 * still fails is parked with its reason, and every later event of its measure in the batch with it. Later batches
 * park every event of a measure that has unresolved parked events for the consumer, so that a measure is never folded
 * out of order. Outages of the database or the broker propagate, to be retried without limit by the listener's error
 * handler, and park nothing.
 */
@Component
public class ParkingPolicy {

    private static final Logger log = LoggerFactory.getLogger(ParkingPolicy.class);

    private final KafkaMessageConverter<String, byte[]> converter;
    private final ParkedEvents parked;
    private final TransactionTemplate transaction;
    private final StreamProperties properties;
    private final Map<StreamConsumer, Counter> parkedCount = new EnumMap<>(StreamConsumer.class);

    public ParkingPolicy(
            KafkaMessageConverter<String, byte[]> converter,
            ParkedEvents parked,
            TransactionTemplate transaction,
            StreamProperties properties,
            MeterRegistry meters) {
        this.converter = converter;
        this.parked = parked;
        this.transaction = transaction;
        this.properties = properties;
        for (StreamConsumer consumer : StreamConsumer.values()) {
            parkedCount.put(
                    consumer,
                    Counter.builder("tracker.stream.events.parked")
                            .description("events a consumer set aside because it could not process them")
                            .tag("consumer", consumer.id())
                            .register(meters));
        }
    }

    /** Processes a batch of records as read from the topic, in order. */
    public void process(StreamConsumer consumer, List<ConsumerRecord<String, byte[]>> records, StreamWork work) {
        List<Item> items = read(consumer, records);
        List<Parking> parkedNow;
        try {
            parkedNow = transaction.execute(status -> {
                Map<String, List<Item>> measures = byMeasure(items);
                Set<String> held = parked.held(consumer, measures.keySet());
                List<Parking> parkings = new ArrayList<>();
                List<Item> applicable = new ArrayList<>();
                for (Map.Entry<String, List<Item>> measure : measures.entrySet()) {
                    List<Item> events = measure.getValue();
                    int firstParked = held.contains(measure.getKey()) ? 0 : firstUnprocessable(events);
                    applicable.addAll(events.subList(0, firstParked));
                    parkings.addAll(parkings(events, firstParked, null, held.contains(measure.getKey())));
                }
                if (!applicable.isEmpty()) {
                    applicable.sort(Comparator.comparingInt(Item::position));
                    work.apply(events(applicable));
                }
                List<Parking> inserted = parked.park(consumer, parkings);
                work.settle();
                return inserted;
            });
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            log.warn(
                    "{}: a batch of {} records failed ({}); applying each measure alone",
                    consumer.id(),
                    records.size(),
                    Failures.describe(e));
            parkedNow = measureByMeasure(consumer, items, work);
        }
        report(consumer, parkedNow);
    }

    private List<Parking> measureByMeasure(StreamConsumer consumer, List<Item> items, StreamWork work) {
        Map<String, List<Item>> measures = byMeasure(items);
        Set<String> held = transaction.execute(status -> parked.held(consumer, measures.keySet()));
        List<Parking> parkings = new ArrayList<>();
        for (Map.Entry<String, List<Item>> measure : measures.entrySet()) {
            List<Item> events = measure.getValue();
            boolean isHeld = held.contains(measure.getKey());
            int firstParked = isHeld ? 0 : firstUnprocessable(events);
            RuntimeException failure = null;
            List<Item> applicable = events.subList(0, firstParked);
            if (!applicable.isEmpty()) {
                try {
                    applyInTransaction(work, applicable);
                } catch (RuntimeException e) {
                    rethrowIfTransient(e);
                    for (int i = 0; i < applicable.size() && failure == null; i++) {
                        failure = applyAlone(work, applicable.get(i));
                        if (failure != null) {
                            firstParked = i;
                        }
                    }
                }
            }
            parkings.addAll(parkings(events, firstParked, failure, isHeld));
        }
        return transaction.execute(status -> {
            List<Parking> inserted = parked.park(consumer, parkings);
            work.settle();
            return inserted;
        });
    }

    /** @return the failure it met on every attempt, or null once it succeeded */
    private RuntimeException applyAlone(StreamWork work, Item item) {
        RuntimeException failure = null;
        for (int attempt = 0; attempt < properties.attemptsAlone(); attempt++) {
            try {
                applyInTransaction(work, List.of(item));
                return null;
            } catch (RuntimeException e) {
                rethrowIfTransient(e);
                failure = e;
            }
        }
        return failure;
    }

    private void applyInTransaction(StreamWork work, List<Item> items) {
        transaction.executeWithoutResult(status -> work.apply(events(items)));
    }

    private static void rethrowIfTransient(RuntimeException e) {
        if (Failures.isTransient(e)) {
            throw e;
        }
    }

    /**
     * The parkings of a measure's events from {@code first} on: the first with its own reason, the later ones as held
     * behind it.
     *
     * @param failure what the first met when applied alone; null when it is unprocessable as read, or held
     * @param held whether the measure already had unresolved parked events
     */
    private static List<Parking> parkings(List<Item> events, int first, RuntimeException failure, boolean held) {
        List<Parking> parkings = new ArrayList<>();
        for (int i = first; i < events.size(); i++) {
            Item item = events.get(i);
            String reason;
            if (held) {
                reason = "held: measure " + item.measureId() + " has earlier events parked for this consumer";
            } else if (i == first) {
                reason = failure != null ? Failures.describe(failure) : item.unprocessable();
            } else {
                Item blocking = events.get(first);
                reason = "held behind event " + blocking.eventId() + " (sequence " + blocking.sequence()
                        + "), parked before it";
            }
            ConsumerRecord<String, byte[]> record = item.record();
            byte[] value = record.value() == null || record.value().length == 0 ? null : record.value();
            parkings.add(new Parking(
                    item.measureId(),
                    item.sequence(),
                    item.eventId(),
                    item.type(),
                    value,
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    reason));
        }
        return parkings;
    }

    private static int firstUnprocessable(List<Item> events) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).unprocessable() != null) {
                return i;
            }
        }
        return events.size();
    }

    private void report(StreamConsumer consumer, List<Parking> parkings) {
        for (Parking parking : parkings) {
            parkedCount.get(consumer).increment();
            log.atError()
                    .addKeyValue("consumer", consumer.id())
                    .addKeyValue("measure", parking.measureId())
                    .addKeyValue("sequence", parking.sequence())
                    .addKeyValue("eventId", parking.eventId())
                    .addKeyValue("reason", parking.reason())
                    .log(
                            "{} parked event {} of measure {} (sequence {}): {}",
                            consumer.id(),
                            parking.eventId(),
                            parking.measureId(),
                            parking.sequence(),
                            parking.reason());
        }
    }

    /**
     * The batch's measure events, the stand-ins of events too large for the broker and the records that cannot be
     * read; records that are no tracker event at all are skipped, as before parking existed.
     */
    private List<Item> read(StreamConsumer consumer, List<ConsumerRecord<String, byte[]>> records) {
        List<Item> items = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<UnpublishedEvent> unpublished = UnpublishedEvent.of(record);
            if (unpublished.isPresent()) {
                UnpublishedEvent event = unpublished.get();
                items.add(new Item(
                        items.size(),
                        record,
                        event.measureId(),
                        event.sequence(),
                        event.eventId(),
                        event.type(),
                        null,
                        "too large for the broker: " + event.reason()));
                continue;
            }
            try {
                Optional<EventMessage<?>> message = converter.readKafkaMessage(record);
                if (message.isPresent()
                        && message.get() instanceof DomainEventMessage<?> domain
                        && domain.getPayload() instanceof MeasureEvent) {
                    items.add(new Item(
                            items.size(),
                            record,
                            record.key() != null ? record.key() : domain.getAggregateIdentifier(),
                            domain.getSequenceNumber(),
                            domain.getIdentifier(),
                            domain.getPayloadType().getName(),
                            SequencedEvent.of(domain),
                            null));
                } else {
                    skip(consumer, record);
                }
            } catch (RuntimeException e) {
                rethrowIfTransient(e);
                String eventId = HeaderUtils.valueAsString(record.headers(), Headers.MESSAGE_ID);
                if (record.key() == null || eventId == null) {
                    skip(consumer, record);
                } else {
                    items.add(new Item(
                            items.size(),
                            record,
                            record.key(),
                            HeaderUtils.valueAsLong(record.headers(), Headers.AGGREGATE_SEQ, -1L),
                            eventId,
                            HeaderUtils.valueAsString(record.headers(), Headers.MESSAGE_TYPE),
                            null,
                            "unreadable: " + Failures.describe(e)));
                }
            }
        }
        return items;
    }

    private static void skip(StreamConsumer consumer, ConsumerRecord<String, byte[]> record) {
        log.warn(
                "{}: skipping a record that is no tracker event: topic {} partition {} offset {}",
                consumer.id(),
                record.topic(),
                record.partition(),
                record.offset());
    }

    private static Map<String, List<Item>> byMeasure(List<Item> items) {
        Map<String, List<Item>> measures = new LinkedHashMap<>();
        for (Item item : items) {
            measures.computeIfAbsent(item.measureId(), id -> new ArrayList<>()).add(item);
        }
        return measures;
    }

    private static List<SequencedEvent> events(List<Item> items) {
        return items.stream().map(Item::event).toList();
    }

    /**
     * A record of the batch, keyed by its measure.
     *
     * @param position its place in the batch
     * @param event the event, or null when it cannot be processed
     * @param unprocessable why it cannot be processed as read, or null
     */
    private record Item(
            int position,
            ConsumerRecord<String, byte[]> record,
            String measureId,
            long sequence,
            String eventId,
            String type,
            SequencedEvent event,
            String unprocessable) {}
}
