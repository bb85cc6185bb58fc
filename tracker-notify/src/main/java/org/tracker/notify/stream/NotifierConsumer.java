package org.tracker.notify.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tracker.core.api.CosponsorWithdrawn;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.projection.MeasureProjector;
import org.tracker.notify.rule.Alert;
import org.tracker.notify.rule.Alerts;
import org.tracker.notify.rule.Change;
import org.tracker.notify.rule.Changes;
import org.tracker.notify.rule.MeasureState;
import org.tracker.notify.rule.Subscription;
import org.tracker.notify.send.Dispatcher;
import org.tracker.notify.store.Cause;
import org.tracker.notify.store.NotifierState;
import org.tracker.notify.store.Outbox;
import org.tracker.notify.store.Outbox.Decided;
import org.tracker.notify.store.SubscriptionStore;

@Component
public class NotifierConsumer implements ConsumerSeekAware {

    public static final String ID = "tracker-notifier";

    private static final Logger log = LoggerFactory.getLogger(NotifierConsumer.class);

    private final KafkaMessageConverter<String, byte[]> converter;
    private final NotifierState state;
    private final SubscriptionStore subscriptions;
    private final Outbox outbox;
    private final Dispatcher dispatcher;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Timer decisionLag;

    public NotifierConsumer(
            KafkaMessageConverter<String, byte[]> converter,
            NotifierState state,
            SubscriptionStore subscriptions,
            Outbox outbox,
            Dispatcher dispatcher,
            TransactionTemplate transaction,
            Clock clock,
            MeterRegistry meters) {
        this.converter = converter;
        this.state = state;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.transaction = transaction;
        this.clock = clock;
        this.decisionLag = Timer.builder("tracker.notify.decision.lag")
                .description("from an event's recording by the API to the notifier's decision on it")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    /** Starts each partition where the notifier's own record says it stopped, or at the beginning. */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        Map<TopicPartition, Long> positions = state.positions(assignments.keySet());
        for (TopicPartition partition : assignments.keySet()) {
            Long position = positions.get(partition);
            if (position == null) {
                callback.seekToBeginning(partition.topic(), partition.partition());
            } else {
                callback.seek(partition.topic(), partition.partition(), position);
            }
        }
    }

    @KafkaListener(
            id = ID,
            groupId = "${tracker.notify.group:tracker-notifier}",
            topics = "${tracker.topic}",
            batch = "true",
            containerFactory = "notifierListenerFactory",
            autoStartup = "${tracker.notify.enabled:true}")
    public void consume(List<ConsumerRecord<String, byte[]>> records) {
        Decisions decisions = transaction.execute(status -> decide(records));
        if (decisions == null) {
            return;
        }
        if (decisions.deliveriesAdded() > 0) {
            dispatcher.wake();
        }
        Instant decided = clock.instant();
        for (Instant recordedAt : decisions.recordedAt()) {
            decisionLag.record(Duration.between(recordedAt, decided));
        }
    }

    /** @param recordedAt when each event decided on was recorded, for the lag */
    private record Decisions(int deliveriesAdded, List<Instant> recordedAt) {}

    private Decisions decide(List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, Long> positions = state.positions(partitionsOf(records));
        Map<TopicPartition, Long> next = new HashMap<>();
        List<DomainEventMessage<?>> events = new ArrayList<>(records.size());
        Set<String> ids = new LinkedHashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (record.offset() < positions.getOrDefault(partition, 0L)) {
                continue;
            }
            next.merge(partition, record.offset() + 1, Math::max);
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
                        "skipping a record the notifier cannot read: topic {} partition {} offset {}",
                        record.topic(),
                        record.partition(),
                        record.offset());
            }
        }
        Map<String, MeasureState> states = state.load(ids);
        List<Subscription> active = subscriptions.active();
        List<Decided> decided = new ArrayList<>();
        for (DomainEventMessage<?> message : events) {
            MeasureEvent event = (MeasureEvent) message.getPayload();
            MeasureState own = states.computeIfAbsent(event.measureId(), MeasureState::empty);
            boolean unseen = message.getSequenceNumber() > own.row().lastSequence;
            String statusBefore = own.row().status;
            MeasureProjector.apply(
                    event, message.getSequenceNumber(), id -> states.computeIfAbsent(id, MeasureState::empty)
                            .row());
            if (unseen) {
                // A member's followers hear of their withdrawal too: the member leaves the list after the decision.
                boolean withdrawal = event instanceof CosponsorWithdrawn;
                if (!withdrawal) {
                    own.noteMembers(event);
                }
                List<Change> changes = Changes.toOwnMeasure(event, message.getIdentifier(), statusBefore, own.row());
                add(decided, Alerts.decide(active, own, event, changes), own, cause(message));
                if (withdrawal) {
                    own.noteMembers(event);
                }
            }
            if (event instanceof RollCallVoteRecorded vote && vote.votedOn() != null) {
                MeasureState votedOn = states.get(vote.votedOn());
                Change change = Changes.toMeasureVotedOn(vote, message.getIdentifier(), votedOn.row());
                add(decided, Alerts.decide(active, votedOn, event, List.of(change)), votedOn, cause(message));
            }
        }
        state.save(states.values());
        int added = outbox.record(decided, clock.instant());
        state.advance(next);
        return new Decisions(
                added,
                events.stream()
                        .map(message -> ((MeasureEvent) message.getPayload())
                                .provenance()
                                .recordedAt())
                        .toList());
    }

    private static void add(List<Decided> decided, List<Alert> alerts, MeasureState measure, Cause cause) {
        for (Alert alert : alerts) {
            decided.add(Decided.of(alert, measure.row(), cause));
        }
    }

    private static Cause cause(DomainEventMessage<?> message) {
        MeasureEvent event = (MeasureEvent) message.getPayload();
        return new Cause(
                message.getIdentifier(),
                event.measureId(),
                message.getSequenceNumber(),
                message.getPayloadType().getSimpleName(),
                event.provenance().effectiveAt(),
                event.provenance().recordedAt());
    }

    private static Set<TopicPartition> partitionsOf(List<ConsumerRecord<String, byte[]>> records) {
        Set<TopicPartition> partitions = new LinkedHashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            partitions.add(new TopicPartition(record.topic(), record.partition()));
        }
        return partitions;
    }
}
