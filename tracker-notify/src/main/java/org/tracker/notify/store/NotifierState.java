package org.tracker.notify.store;

import java.sql.Date;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.tracker.notify.rule.MeasureState;

/** What the notifier knows of each measure, and how far it has read each partition of the stream. */
@Repository
public class NotifierState {

    private final NamedParameterJdbcTemplate jdbc;
    private final NotifyJson json;

    public NotifierState(NamedParameterJdbcTemplate jdbc, NotifyJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Loads what the notifier knows of measures and holds their rows until the transaction ends: a roll call changes
     * the measure it was on from its own partition, so two instances' notifiers may decide on one measure at once, and
     * whoever comes second must decide on what the first committed. A measure not known yet is first inserted empty,
     * so that it can be held too. Rows are taken in the order of their ids, so that two decisions cannot wait on each
     * other.
     */
    public Map<String, MeasureState> hold(Collection<String> measureIds) {
        List<String> sorted = measureIds.stream().sorted().toList();
        Map<String, MeasureState> states = selectForUpdate(sorted);
        List<String> missing =
                sorted.stream().filter(id -> !states.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into notify_measure (measure_id, state, last_sequence) values (:id, cast(:state as jsonb),"
                            + " -1) on conflict (measure_id) do nothing",
                    missing.stream()
                            .map(id -> new MapSqlParameterSource()
                                    .addValue("id", id)
                                    .addValue("state", json.write(MeasureState.empty(id))))
                            .toArray(MapSqlParameterSource[]::new));
            states.putAll(selectForUpdate(missing));
        }
        return states;
    }

    private Map<String, MeasureState> selectForUpdate(List<String> sortedIds) {
        Map<String, MeasureState> states = new HashMap<>();
        if (sortedIds.isEmpty()) {
            return states;
        }
        jdbc.query(
                "select measure_id, state from notify_measure where measure_id = any (cast(:ids as varchar[]))"
                        + " order by measure_id for update",
                Map.of("ids", sortedIds.toArray(String[]::new)),
                rs -> {
                    states.put(rs.getString("measure_id"), json.read(rs.getString("state"), MeasureState.class));
                });
        return states;
    }

    /** Measures whose next deadline is on or before a date: the ones that may be near or past it. */
    public List<MeasureState> withDeadlineBy(java.time.LocalDate date) {
        return jdbc.query(
                "select state from notify_measure where next_deadline <= :date",
                Map.of("date", Date.valueOf(date)),
                (rs, n) -> json.read(rs.getString("state"), MeasureState.class));
    }

    public void save(Collection<MeasureState> states) {
        jdbc.batchUpdate(
                "insert into notify_measure (measure_id, state, next_deadline, last_sequence) values (:id,"
                        + " cast(:state as jsonb), :deadline, :sequence) on conflict (measure_id) do update set state ="
                        + " excluded.state, next_deadline = excluded.next_deadline, last_sequence = excluded.last_sequence",
                states.stream()
                        .map(state -> new MapSqlParameterSource()
                                .addValue("id", state.row().measureId)
                                .addValue("state", json.write(state))
                                .addValue(
                                        "deadline",
                                        state.row().nextDeadline == null
                                                ? null
                                                : Date.valueOf(state.row().nextDeadline))
                                .addValue("sequence", state.row().lastSequence))
                        .toArray(MapSqlParameterSource[]::new));
    }

    public Map<TopicPartition, Long> positions(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        if (partitions.isEmpty()) {
            return positions;
        }
        Map<String, List<Integer>> byTopic = new HashMap<>();
        partitions.forEach(partition -> byTopic.computeIfAbsent(partition.topic(), topic -> new java.util.ArrayList<>())
                .add(partition.partition()));
        byTopic.forEach((topic, numbers) -> jdbc.query(
                "select partition, next_offset from notify_progress where topic = :topic and partition in (:numbers)",
                Map.of("topic", topic, "numbers", numbers),
                rs -> {
                    positions.put(new TopicPartition(topic, rs.getInt("partition")), rs.getLong("next_offset"));
                }));
        return positions;
    }

    public void advance(Map<TopicPartition, Long> nextOffsets) {
        jdbc.batchUpdate(
                "insert into notify_progress (topic, partition, next_offset) values (:topic, :partition, :offset) on"
                        + " conflict (topic, partition) do update set next_offset = greatest(notify_progress.next_offset,"
                        + " excluded.next_offset)",
                nextOffsets.entrySet().stream()
                        .map(entry -> new MapSqlParameterSource()
                                .addValue("topic", entry.getKey().topic())
                                .addValue("partition", entry.getKey().partition())
                                .addValue("offset", entry.getValue()))
                        .toArray(MapSqlParameterSource[]::new));
    }
}
