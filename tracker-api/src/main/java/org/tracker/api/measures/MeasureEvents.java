package org.tracker.api.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.notify.parking.StoredEventLookup;

/**
 * The measure events in the store, read through Axon's storage engine so that they come out as the aggregates see
 * them (upcast, if an event's form ever changes).
 */
@Component
public class MeasureEvents implements StoredEventLookup {

    private final EventStorageEngine storage;
    private final JdbcTemplate jdbc;

    public MeasureEvents(EventStorageEngine storage, JdbcTemplate jdbc) {
        this.storage = storage;
        this.jdbc = jdbc;
    }

    /**
     * Every measure event after the token (from the start when it is null) up to the newest committed one, in the
     * store's order; events still being committed when the read passes them are returned by a later read from the
     * last event's token.
     */
    @SuppressWarnings("unchecked")
    public Stream<TrackedEventMessage<?>> after(TrackingToken token) {
        return ((Stream<TrackedEventMessage<?>>) storage.readEvents(token, false))
                .filter(event -> event instanceof DomainEventMessage<?> && event.getPayload() instanceof MeasureEvent);
    }

    /** The measure's own events, in order. */
    public List<DomainEventMessage<?>> ownOf(String measureId) {
        return ownEvents(measureId).<DomainEventMessage<?>>map(event -> event).toList();
    }

    /** The measure's own events in order, then the roll calls recorded on it. */
    public List<DomainEventMessage<?>> of(String measureId) {
        List<String> rollCalls = jdbc.queryForList(
                "select distinct aggregateidentifier from domainevententry where payloadtype = ? and"
                        + " vote_measure(payload) = ?",
                String.class,
                RollCallVoteRecorded.class.getName(),
                measureId);
        return Stream.concat(
                        ownEvents(measureId),
                        rollCalls.stream()
                                .flatMap(this::ownEvents)
                                .filter(event -> event.getPayload() instanceof RollCallVoteRecorded vote
                                        && measureId.equals(vote.votedOn())))
                .toList();
    }

    @Override
    public List<DomainEventMessage<?>> find(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        List<DomainEventMessage<?>> found = new ArrayList<>();
        new NamedParameterJdbcTemplate(jdbc)
                .query(
                        "select aggregateidentifier, sequencenumber from domainevententry where eventidentifier in"
                                + " (:ids) order by globalindex",
                        Map.of("ids", eventIds),
                        (rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(stored -> storage.readEvents(stored.getKey(), stored.getValue())
                        .asStream()
                        .findFirst()
                        .ifPresent(found::add));
        return found;
    }

    /** An event's payload as stored (the serialized event), for an operator to read. */
    public Optional<byte[]> storedPayload(String eventId) {
        return jdbc
                .query(
                        "select payload from domainevententry where eventidentifier = ?",
                        (rs, n) -> rs.getBytes(1),
                        eventId)
                .stream()
                .findFirst();
    }

    /** The highest position in the store, for telling how far a full read has come. */
    public long head() {
        Long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        return head == null ? 0 : head;
    }

    private Stream<? extends DomainEventMessage<?>> ownEvents(String aggregateId) {
        return storage.readEvents(aggregateId).asStream();
    }
}
