package org.tracker.api.measures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.tracker.core.api.MeasureKind;
import org.tracker.core.api.MeasureStatus;
import org.tracker.core.measure.MeasureFold;
import org.tracker.core.measure.MeasureRow;
import org.tracker.core.measure.Transition;

/**
 * The log of what the live projection's folds changed ({@code measure_change}): written in the fold's transaction with
 * a NOTIFY that PostgreSQL delivers to every instance at commit, and read back by id, so that a page on any instance
 * learns of a change once it can be read, and a page that lost its stream catches up from the last entry it saw.
 */
@Repository
public class MeasureChanges {

    /** The NOTIFY channel; a notification's payload is the id of the new entry. */
    static final String CHANNEL = "measure_changes";

    /**
     * How far back a catch-up looks before its last entry, for entries whose ids were taken before it but that
     * committed after it: a fold's transaction lasts milliseconds, and a stuck one rolls back long before this.
     */
    private static final Duration OVERLAP = Duration.ofSeconds(10);

    private final NamedParameterJdbcTemplate jdbc;
    private final MeasureTable measures;
    private final ObjectMapper json;

    MeasureChanges(NamedParameterJdbcTemplate jdbc, MeasureTable measures, ObjectMapper json) {
        this.jdbc = jdbc;
        this.measures = measures;
        this.json = json;
    }

    /** A transition as the log keeps it: statuses by their stored codes, read back with the measure's kind. */
    private record LoggedTransition(String measureId, String from, String to, LocalDate since) {}

    /** In the fold's transaction, so that the entry and its notification exist only if the fold commits. */
    void record(MeasureFold fold) {
        String[] ids = fold.changedRows().stream().map(row -> row.measureId).toArray(String[]::new);
        List<LoggedTransition> transitions = fold.transitions().stream()
                .map(t -> new LoggedTransition(
                        t.measureId(), t.from() == null ? null : t.from().code(), t.to().code(), t.since()))
                .toList();
        try {
            jdbc.queryForObject(
                    "with entry as (insert into measure_change (measure_ids, transitions)"
                            + " values (cast(:ids as varchar[]), cast(:transitions as jsonb)) returning id)"
                            + " select pg_notify('" + CHANNEL + "', id::text) from entry",
                    Map.of("ids", ids, "transitions", json.writeValueAsString(transitions)),
                    Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("transitions cannot be written as JSON", e);
        }
    }

    /** The entries with these ids, each with the rows it changed as they are now, in the order of their ids. */
    public List<MeasuresChanged> read(Collection<Long> ids) {
        return changes("id = any (cast(:ids as bigint[]))", Map.of("ids", ids.toArray(Long[]::new)));
    }

    /**
     * The entries after {@code lastSeen}, and those recorded shortly before it: an entry's id is taken before its fold
     * commits, so one with a lower id can commit after a page saw a higher one. Seeing a row twice is harmless, since
     * an entry carries the row as it is now.
     *
     * @return empty when the log no longer reaches back that far (the page should reload)
     */
    public Optional<List<MeasuresChanged>> after(long lastSeen, int limit) {
        Boolean kept = jdbc.queryForObject(
                "select exists (select 1 from measure_change where id <= :id)", Map.of("id", lastSeen), Boolean.class);
        if (!Boolean.TRUE.equals(kept)) {
            return Optional.empty();
        }
        return Optional.of(changes(
                "id > :id or recorded_at >= (select recorded_at from measure_change where id = :id) - cast(:overlap as"
                        + " interval) and id <> :id",
                Map.of("id", lastSeen, "overlap", OVERLAP.toMillis() + " milliseconds"),
                limit));
    }

    /** Forgets entries older than {@code age}; @return how many */
    public int forget(Duration age) {
        return jdbc.update(
                "delete from measure_change where recorded_at < clock_timestamp() - cast(:age as interval)",
                Map.of("age", age.toMillis() + " milliseconds"));
    }

    private List<MeasuresChanged> changes(String where, Map<String, Object> params) {
        return changes(where, params, Integer.MAX_VALUE);
    }

    private List<MeasuresChanged> changes(String where, Map<String, Object> params, int limit) {
        record Entry(long id, List<String> measureIds, List<LoggedTransition> transitions) {}
        List<Entry> entries = jdbc.query(
                "select id, measure_ids, transitions from measure_change where " + where + " order by id limit "
                        + limit,
                params,
                (rs, n) -> new Entry(
                        rs.getLong("id"),
                        strings(rs.getArray("measure_ids")),
                        transitions(rs.getString("transitions"))));
        Set<String> touched = new LinkedHashSet<>();
        entries.forEach(entry -> touched.addAll(entry.measureIds()));
        Map<String, MeasureRow> rows = measures.load(touched);
        List<MeasuresChanged> changes = new ArrayList<>();
        for (Entry entry : entries) {
            List<MeasureRow> changed = entry.measureIds().stream()
                    .map(rows::get)
                    .filter(row -> row != null && row.kind != null)
                    .toList();
            List<Transition> transitions = entry.transitions().stream()
                    .filter(t -> rows.containsKey(t.measureId()) && rows.get(t.measureId()).kind != null)
                    .map(t -> {
                        MeasureKind kind = MeasureKind.valueOf(rows.get(t.measureId()).kind);
                        return new Transition(
                                t.measureId(),
                                t.from() == null ? null : MeasureStatus.of(kind, t.from()),
                                MeasureStatus.of(kind, t.to()),
                                t.since());
                    })
                    .toList();
            changes.add(new MeasuresChanged(entry.id(), changed, transitions));
        }
        return changes;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private List<LoggedTransition> transitions(String text) {
        try {
            return Arrays.asList(json.readValue(text, LoggedTransition[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a measure_change entry's transitions are not JSON", e);
        }
    }
}
