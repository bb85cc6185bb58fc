package org.tracker.notify.parking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code parked_event} table. */
@Repository
public class ParkedEvents {

    private static final String COLUMNS = "id, consumer, measure_id, sequence, event_id, event_type, reason, parked_at,"
            + " resolution, resolved_by, resolved_at, resolution_note";

    private final NamedParameterJdbcTemplate jdbc;

    public ParkedEvents(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of these measures have unresolved parked events for the consumer: one query for a whole batch. */
    Set<String> held(StreamConsumer consumer, Collection<String> measureIds) {
        Set<String> held = new HashSet<>();
        if (!measureIds.isEmpty()) {
            jdbc.query(
                    "select distinct measure_id from parked_event where consumer = :consumer and resolution is null"
                            + " and measure_id in (:ids)",
                    new MapSqlParameterSource("consumer", consumer.id()).addValue("ids", measureIds),
                    rs -> {
                        held.add(rs.getString(1));
                    });
        }
        return held;
    }

    /** @return those not parked already (a redelivered batch parks nothing twice) */
    List<Parking> park(StreamConsumer consumer, List<Parking> parkings) {
        if (parkings.isEmpty()) {
            return List.of();
        }
        int[] inserted = jdbc.batchUpdate(
                "insert into parked_event (consumer, measure_id, sequence, event_id, event_type, record, topic,"
                        + " partition, record_offset, reason) values (:consumer, :measure, :sequence, :eventId, :type,"
                        + " :record, :topic, :partition, :offset, :reason)"
                        + " on conflict (consumer, event_id) where resolution is null do nothing",
                parkings.stream()
                        .map(parking -> new MapSqlParameterSource("consumer", consumer.id())
                                .addValue("measure", Failures.bounded(parking.measureId()))
                                .addValue("sequence", parking.sequence())
                                .addValue("eventId", Failures.bounded(parking.eventId()))
                                .addValue("type", parking.type() == null ? null : Failures.bounded(parking.type()))
                                .addValue("record", parking.record())
                                .addValue("topic", parking.topic())
                                .addValue("partition", parking.partition())
                                .addValue("offset", parking.offset())
                                .addValue("reason", Failures.bounded(parking.reason())))
                        .toArray(MapSqlParameterSource[]::new));
        List<Parking> parked = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] != 0) {
                parked.add(parkings.get(i));
            }
        }
        return parked;
    }

    /**
     * @param consumer null for both
     * @param measureId null for every measure
     */
    public List<ParkedEvent> list(StreamConsumer consumer, String measureId, boolean unresolvedOnly, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from parked_event where true");
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
        if (consumer != null) {
            sql.append(" and consumer = :consumer");
            params.addValue("consumer", consumer.id());
        }
        if (measureId != null) {
            sql.append(" and measure_id = :measure");
            params.addValue("measure", measureId);
        }
        if (unresolvedOnly) {
            sql.append(" and resolution is null");
        }
        sql.append(" order by id limit :limit");
        return jdbc.query(sql.toString(), params, ParkedEvents::read);
    }

    public Optional<ParkedEvent> find(long id) {
        return jdbc
                .query("select " + COLUMNS + " from parked_event where id = :id", Map.of("id", id), ParkedEvents::read)
                .stream()
                .findFirst();
    }

    /** The Kafka record's value as the consumer read it; empty for the stand-in of an event too large for Kafka. */
    public Optional<byte[]> record(long id) {
        return jdbc
                .query(
                        "select record from parked_event where id = :id and record is not null",
                        Map.of("id", id),
                        (rs, n) -> rs.getBytes(1))
                .stream()
                .findFirst();
    }

    /** The measure's unresolved events for the consumer, in the measure's order. */
    public List<ParkedEvent> unresolved(StreamConsumer consumer, String measureId) {
        return jdbc.query(
                "select " + COLUMNS + " from parked_event where consumer = :consumer and measure_id = :measure"
                        + " and resolution is null order by sequence, id",
                new MapSqlParameterSource("consumer", consumer.id()).addValue("measure", measureId),
                ParkedEvents::read);
    }

    public Map<StreamConsumer, Long> unresolvedCounts() {
        Map<StreamConsumer, Long> counts = new EnumMap<>(StreamConsumer.class);
        for (StreamConsumer consumer : StreamConsumer.values()) {
            counts.put(consumer, 0L);
        }
        jdbc.query(
                "select consumer, count(*) from parked_event where resolution is null group by consumer",
                Map.of(),
                rs -> {
                    counts.put(StreamConsumer.of(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    void resolve(List<ParkedEvent> events, ParkedEvent.Resolution resolution, String by, String note, Instant at) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.update(
                "update parked_event set resolution = :resolution, resolved_by = :by, resolved_at = :at,"
                        + " resolution_note = :note where id in (:ids) and resolution is null",
                new MapSqlParameterSource("resolution", resolution.name())
                        .addValue("by", Failures.bounded(by))
                        .addValue("at", at.atOffset(ZoneOffset.UTC))
                        .addValue("note", Failures.bounded(note))
                        .addValue("ids", ids(events)));
    }

    /** A retry failed again: the events stay parked, with what they met this time. */
    void parkedAgain(List<ParkedEvent> events, String reason) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.update(
                "update parked_event set reason = :reason where id in (:ids) and resolution is null",
                new MapSqlParameterSource("reason", Failures.bounded(reason)).addValue("ids", ids(events)));
    }

    private static List<Long> ids(List<ParkedEvent> events) {
        return events.stream().map(ParkedEvent::id).toList();
    }

    private static ParkedEvent read(ResultSet rs, int row) throws SQLException {
        return new ParkedEvent(
                rs.getLong("id"),
                rs.getString("consumer"),
                rs.getString("measure_id"),
                rs.getLong("sequence"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("reason"),
                instant(rs.getTimestamp("parked_at")),
                rs.getString("resolution"),
                rs.getString("resolved_by"),
                instant(rs.getTimestamp("resolved_at")),
                rs.getString("resolution_note"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** An event about to be parked, with where it was read. */
    record Parking(
            String measureId,
            long sequence,
            String eventId,
            String type,
            byte[] record,
            String topic,
            int partition,
            long offset,
            String reason) {}
}
