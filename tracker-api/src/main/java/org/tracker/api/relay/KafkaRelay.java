package org.tracker.api.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.tracker.api.config.TrackerProperties;
import org.tracker.notify.parking.UnpublishedEvent;

/**
 * Sends each stored event to the topic, keyed by its measure, without waiting for the broker one event at a time:
 * a batch is sent in one go and the acks are awaited once, before the processor stores its new position. An event the
 * producer or the broker refuses as too large is replaced by a small stand-in ({@link UnpublishedEvent}) that the
 * consumers park, so that one event cannot halt the stream.
 */
public class KafkaRelay implements EventMessageHandler {

    public static final String PROCESSING_GROUP = "kafka-relay";

    private static final Logger log = LoggerFactory.getLogger(KafkaRelay.class);
    private static final String PENDING_SENDS = KafkaRelay.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final TrackerProperties properties;

    public KafkaRelay(
            KafkaTemplate<String, byte[]> kafka,
            KafkaMessageConverter<String, byte[]> converter,
            TrackerProperties properties) {
        this.kafka = kafka;
        this.converter = converter;
        this.properties = properties;
    }

    @Override
    public Object handle(EventMessage<?> event) {
        pendingSends(CurrentUnitOfWork.get()).add(new Pending(event, send(event)));
        return null;
    }

    /**
     * The producer refuses a record larger than its max.request.size before queueing it, on this thread (KafkaTemplate
     * throws, or hands back a failed future): the stand-in then takes the event's place in its measure's order.
     */
    private CompletableFuture<SendResult<String, byte[]>> send(EventMessage<?> event) {
        CompletableFuture<SendResult<String, byte[]>> sent;
        try {
            sent = kafka.send(converter.createKafkaMessage(event, properties.topic()));
        } catch (RuntimeException e) {
            RecordTooLargeException refused = tooLarge(e);
            if (refused == null) {
                throw e;
            }
            return sendStandIn(event, refused);
        }
        RecordTooLargeException refused = refusedAsTooLarge(sent);
        return refused == null ? sent : sendStandIn(event, refused);
    }

    private List<Pending> pendingSends(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(PENDING_SENDS, key -> {
            List<Pending> pending = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(u -> awaitAcks(pending));
            return pending;
        });
    }

    /**
     * Throwing here rolls the batch back, so the processor keeps its old position and sends the batch again. A record
     * the broker refused as too large (its limit below the producer's, which the start-up check should prevent) is
     * replaced by its stand-in, sent after the events that followed it.
     */
    private void awaitAcks(List<Pending> pending) {
        kafka.flush();
        long deadline = System.nanoTime() + properties.relayAckTimeout().toNanos();
        List<Pending> standIns = new ArrayList<>();
        for (Pending send : pending) {
            RecordTooLargeException refused = await(send, deadline, pending.size());
            if (refused != null) {
                standIns.add(new Pending(send.event(), sendStandIn(send.event(), refused)));
            }
        }
        if (!standIns.isEmpty()) {
            kafka.flush();
            for (Pending send : standIns) {
                if (await(send, deadline, pending.size()) != null) {
                    throw new RelayFailed("Kafka refused the stand-in of an event too large for it", null);
                }
            }
        }
    }

    /** @return the broker's refusal of the record as too large, or null once it acknowledged it */
    private static RecordTooLargeException await(Pending send, long deadline, int batchSize) {
        try {
            send.sent().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayFailed("interrupted while waiting for Kafka to acknowledge " + batchSize + " events", e);
        } catch (ExecutionException e) {
            RecordTooLargeException refused = tooLarge(e);
            if (refused != null) {
                return refused;
            }
            throw new RelayFailed("Kafka did not acknowledge " + batchSize + " events; they will be sent again", e);
        } catch (TimeoutException e) {
            throw new RelayFailed("Kafka did not acknowledge " + batchSize + " events; they will be sent again", e);
        }
    }

    private CompletableFuture<SendResult<String, byte[]>> sendStandIn(
            EventMessage<?> event, RecordTooLargeException refused) {
        DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
        UnpublishedEvent standIn = new UnpublishedEvent(
                domain.getAggregateIdentifier(),
                domain.getSequenceNumber(),
                domain.getIdentifier(),
                domain.getPayloadType().getName(),
                refused.getMessage());
        log.atError()
                .addKeyValue("measure", standIn.measureId())
                .addKeyValue("sequence", standIn.sequence())
                .addKeyValue("eventId", standIn.eventId())
                .addKeyValue("reason", standIn.reason())
                .log(
                        "event {} of measure {} (sequence {}) is too large for Kafka; a stand-in goes in its place"
                                + " and the consumers park it: {}",
                        standIn.eventId(),
                        standIn.measureId(),
                        standIn.sequence(),
                        standIn.reason());
        ProducerRecord<String, byte[]> record = standIn.toRecord(properties.topic());
        return kafka.send(record);
    }

    private static RecordTooLargeException refusedAsTooLarge(CompletableFuture<SendResult<String, byte[]>> sent) {
        if (!sent.isCompletedExceptionally()) {
            return null;
        }
        try {
            sent.join();
            return null;
        } catch (RuntimeException e) {
            return tooLarge(e);
        }
    }

    /** The too-large refusal among a failure's causes; a batch too large for the broker counts, as it held one. */
    private static RecordTooLargeException tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException tooLarge) {
                return tooLarge;
            }
            if (cause instanceof RecordBatchTooLargeException batch) {
                return new RecordTooLargeException(batch.getMessage());
            }
        }
        return null;
    }

    @Override
    public boolean supportsReset() {
        return false;
    }

    private record Pending(EventMessage<?> event, CompletableFuture<SendResult<String, byte[]>> sent) {}

    static class RelayFailed extends RuntimeException {
        RelayFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
