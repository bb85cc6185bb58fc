package org.tracker.api.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.tracker.api.config.TrackerProperties;

/**
 * Sends each stored event to the topic, keyed by its measure, without waiting for the broker one event at a time:
 * a batch is sent in one go and the acks are awaited once, before the processor stores its new position.
 */
public class KafkaRelay implements EventMessageHandler {

    public static final String PROCESSING_GROUP = "kafka-relay";

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
        pendingSends(CurrentUnitOfWork.get()).add(kafka.send(converter.createKafkaMessage(event, properties.topic())));
        return null;
    }

    private List<CompletableFuture<SendResult<String, byte[]>>> pendingSends(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<SendResult<String, byte[]>>> pending = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(u -> awaitAcks(pending));
            return pending;
        });
    }

    /** Throwing here rolls the batch back, so the processor keeps its old position and sends the batch again. */
    private void awaitAcks(List<CompletableFuture<SendResult<String, byte[]>>> pending) {
        kafka.flush();
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(properties.relayAckTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayFailed(
                    "interrupted while waiting for Kafka to acknowledge " + pending.size() + " events", e);
        } catch (Exception e) {
            throw new RelayFailed(
                    "Kafka did not acknowledge " + pending.size() + " events; they will be sent again", e);
        }
    }

    @Override
    public boolean supportsReset() {
        return false;
    }

    static class RelayFailed extends RuntimeException {
        RelayFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
