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
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tracker.core.api.CosponsorWithdrawn;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.measure.MeasureFold;
import org.tracker.core.measure.SequencedEvent;
import org.tracker.notify.parking.ParkingPolicy;
import org.tracker.notify.parking.StreamConsumer;
import org.tracker.notify.parking.StreamWork;
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

    private final NotifierState state;
    private final SubscriptionStore subscriptions;
    private final Outbox outbox;
    private final Dispatcher dispatcher;
    private final ParkingPolicy parking;
    private final Clock clock;
    private final Timer decisionLag;

    public NotifierConsumer(
            NotifierState state,
            SubscriptionStore subscriptions,
            Outbox outbox,
            Dispatcher dispatcher,
            ParkingPolicy parking,
            Clock clock,
            MeterRegistry meters) {
        this.state = state;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.parking = parking;
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
        Map<TopicPartition, Long> positions = state.positions(partitionsOf(records));
        Map<TopicPartition, Long> next = new HashMap<>();
        List<ConsumerRecord<String, byte[]>> unseen = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (record.offset() >= positions.getOrDefault(partition, 0L)) {
                unseen.add(record);
                next.merge(partition, record.offset() + 1, Math::max);
            }
        }
        if (unseen.isEmpty()) {
            return;
        }
        // The position moves in the transaction that parks what could not be decided (ADR 7): both or neither.
        parking.process(StreamConsumer.NOTIFIER, unseen, new StreamWork() {
            @Override
            public void apply(List<SequencedEvent> events) {
                decide(events);
            }

            @Override
            public void settle() {
                state.advance(next);
            }
        });
    }

    /**
     * Folds the events into what the notifier knows of their measures and records the alerts they cause, in the
     * caller's transaction; the dispatcher is woken and the lag recorded once it commits. A status change is the
     * fold's transition; an event whose sequence the notifier has already passed alerts nobody again.
     */
    void decide(List<SequencedEvent> events) {
        Map<String, MeasureState> states = state.hold(MeasureFold.touchedBy(events));
        MeasureFold fold = new MeasureFold(
                id -> states.computeIfAbsent(id, MeasureState::empty).row());
        List<Subscription> active = subscriptions.active();
        List<Decided> decided = new ArrayList<>();
        for (SequencedEvent streamed : events) {
            MeasureEvent event = streamed.event();
            MeasureFold.Applied applied = fold.apply(streamed);
            MeasureState own = states.get(event.measureId());
            if (applied.news()) {
                // A member's followers hear of their withdrawal too: the member leaves the list after the decision.
                boolean withdrawal = event instanceof CosponsorWithdrawn;
                if (!withdrawal) {
                    own.noteMembers(event);
                }
                List<Change> changes = Changes.toOwnMeasure(event, streamed.eventId(), applied.transition(), own.row());
                add(decided, Alerts.decide(active, own, event, changes), own, cause(streamed));
                if (withdrawal) {
                    own.noteMembers(event);
                }
            }
            if (event instanceof RollCallVoteRecorded vote && vote.votedOn() != null) {
                MeasureState votedOn = states.get(vote.votedOn());
                Change change = Changes.toMeasureVotedOn(vote, streamed.eventId(), votedOn.row());
                add(decided, Alerts.decide(active, votedOn, event, List.of(change)), votedOn, cause(streamed));
            }
        }
        state.save(states.values());
        int added = outbox.record(decided, clock.instant());
        List<Instant> recordedAt = events.stream()
                .map(streamed -> streamed.event().provenance().recordedAt())
                .toList();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (added > 0) {
                    dispatcher.wake();
                }
                Instant now = clock.instant();
                for (Instant recorded : recordedAt) {
                    decisionLag.record(Duration.between(recorded, now));
                }
            }
        });
    }

    private static void add(List<Decided> decided, List<Alert> alerts, MeasureState measure, Cause cause) {
        for (Alert alert : alerts) {
            decided.add(Decided.of(alert, measure.row(), cause));
        }
    }

    private static Cause cause(SequencedEvent streamed) {
        MeasureEvent event = streamed.event();
        return new Cause(
                streamed.eventId(),
                event.measureId(),
                streamed.sequence(),
                event.getClass().getSimpleName(),
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
