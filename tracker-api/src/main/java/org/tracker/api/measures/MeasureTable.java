package org.tracker.api.measures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.tracker.core.measure.MeasureFold;
import org.tracker.core.measure.MeasureRow;
import org.tracker.core.measure.SequencedEvent;

/** The {@code measure} table: rows loaded and saved in batches by the projection, and queried by the API. */
@Repository
public class MeasureTable {

    private static final String COLUMNS = "measure_id, kind, title, chamber, congress, status, status_since,"
            + " last_action_date, last_action_text, next_deadline, next_deadline_label, latest_vote_id,"
            + " latest_vote_date, latest_vote_question, latest_vote_result, latest_vote_yea, latest_vote_nay,"
            + " latest_vote_present, latest_vote_not_voting, details, source, last_sequence, updated_at";

    private static final String UPSERT = "insert into %s (" + COLUMNS + ") values (:measureId, :kind, :title,"
            + " :chamber, :congress, :status, :statusSince, :lastActionDate, :lastActionText, :nextDeadline,"
            + " :nextDeadlineLabel, :latestVoteId, :latestVoteDate, :latestVoteQuestion, :latestVoteResult,"
            + " :latestVoteYea, :latestVoteNay, :latestVotePresent, :latestVoteNotVoting, cast(:details as jsonb),"
            + " :source, :lastSequence, :updatedAt)"
            + " on conflict (measure_id) do update set kind = excluded.kind, title = excluded.title,"
            + " chamber = excluded.chamber, congress = excluded.congress, status = excluded.status,"
            + " status_since = excluded.status_since, last_action_date = excluded.last_action_date,"
            + " last_action_text = excluded.last_action_text, next_deadline = excluded.next_deadline,"
            + " next_deadline_label = excluded.next_deadline_label, latest_vote_id = excluded.latest_vote_id,"
            + " latest_vote_date = excluded.latest_vote_date, latest_vote_question = excluded.latest_vote_question,"
            + " latest_vote_result = excluded.latest_vote_result, latest_vote_yea = excluded.latest_vote_yea,"
            + " latest_vote_nay = excluded.latest_vote_nay, latest_vote_present = excluded.latest_vote_present,"
            + " latest_vote_not_voting = excluded.latest_vote_not_voting, details = excluded.details,"
            + " source = excluded.source, last_sequence = excluded.last_sequence, updated_at = excluded.updated_at";

    /** The table dashboards read. */
    static final String LIVE = "measure";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final String table;

    @Autowired
    public MeasureTable(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this(jdbc, json, LIVE);
    }

    private MeasureTable(NamedParameterJdbcTemplate jdbc, ObjectMapper json, String table) {
        this.jdbc = jdbc;
        this.json = json;
        this.table = table;
    }

    /** A table made like this one, which a rebuild fills beside it. */
    MeasureTable named(String other) {
        return new MeasureTable(jdbc, json, other);
    }

    String name() {
        return table;
    }

    /** The columns of a row's content, in the order a checksum reads them. */
    static String columns() {
        return COLUMNS;
    }

    /**
     * Folds a batch of events into this table: the rows they touch loaded at once, folded by tracker-core's fold, the
     * changed ones saved at once. The live projection, a rebuild and a refold all fold this one way, so that their
     * tables can be compared.
     *
     * @return the fold, which holds the rows it changed and the status transitions it met
     */
    public MeasureFold fold(Collection<SequencedEvent> events) {
        MeasureFold fold = MeasureFold.over(hold(MeasureFold.touchedBy(events))).applyAll(events);
        save(fold.changedRows());
        return fold;
    }

    /**
     * Loads rows to fold and holds them until the transaction ends. A row can change from more than one partition (a
     * roll call's events move the measure it was on), so two instances' consumers may fold one row at once: whoever
     * comes second waits and folds onto what the first committed, instead of overwriting it. A row not there yet is
     * first inserted empty, so that it can be held too; the fold always fills it, since only an event new to a measure
     * or a vote on it touches a row. Rows are taken in the order of their ids, so that two folds cannot wait on each
     * other.
     */
    Map<String, MeasureRow> hold(Collection<String> ids) {
        List<String> sorted = ids.stream().sorted().toList();
        Map<String, MeasureRow> rows = selectForUpdate(sorted);
        List<String> missing =
                sorted.stream().filter(id -> !rows.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            jdbc.update(
                    "insert into " + table + " (measure_id) select id from unnest(cast(:ids as varchar[])) id"
                            + " order by id on conflict (measure_id) do nothing",
                    Map.of("ids", missing.toArray(String[]::new)));
            rows.putAll(selectForUpdate(missing));
        }
        return rows;
    }

    private Map<String, MeasureRow> selectForUpdate(List<String> sortedIds) {
        Map<String, MeasureRow> rows = new HashMap<>();
        if (sortedIds.isEmpty()) {
            return rows;
        }
        jdbc.query(
                "select " + COLUMNS + " from " + table + " where measure_id = any (cast(:ids as varchar[]))"
                        + " order by measure_id for update",
                Map.of("ids", sortedIds.toArray(String[]::new)),
                rs -> {
                    MeasureRow row = read(rs);
                    rows.put(row.measureId, row);
                });
        return rows;
    }

    Map<String, MeasureRow> load(Collection<String> ids) {
        Map<String, MeasureRow> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        jdbc.query("select " + COLUMNS + " from " + table + " where measure_id in (:ids)", Map.of("ids", ids), rs -> {
            MeasureRow row = read(rs);
            rows.put(row.measureId, row);
        });
        return rows;
    }

    public void save(Collection<MeasureRow> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(
                    UPSERT.formatted(table), rows.stream().map(this::parameters).toArray(SqlParameterSource[]::new));
        }
    }

    public Optional<MeasureRow> find(String measureId) {
        return load(List.of(measureId)).values().stream()
                .filter(row -> row.kind != null)
                .findFirst();
    }

    /** A page of the measures that match every given filter, in the query's order, and how many match in all. */
    MeasureListPage search(MeasureQuery query) {
        MapSqlParameterSource paged = new MapSqlParameterSource();
        List<MeasureRow> rows = new ArrayList<>();
        jdbc.query(select(table, query, paged), paged, rs -> {
            rows.add(read(rs));
        });
        return MeasureListPage.of(rows, query, count(query));
    }

    /**
     * The measures of a numbered page ("page 3 of 9", as the HTML pages link them): the query's order from its start,
     * the earlier pages skipped. A late page reads the earlier ones too; the API pages by cursor instead.
     */
    public List<MeasureRow> numberedPage(MeasureQuery query, int zeroBasedPage) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = "select " + COLUMNS + " from " + table + " where " + conditions(query, params) + " order by "
                + query.sort().orderBy() + " limit :limit offset :offset";
        params.addValue("limit", query.limit());
        params.addValue("offset", (long) zeroBasedPage * query.limit());
        List<MeasureRow> rows = new ArrayList<>();
        jdbc.query(sql, params, rs -> {
            rows.add(read(rs));
        });
        return rows;
    }

    /** How many measures match every given filter, on all pages together. */
    public long count(MeasureQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Long count = jdbc.queryForObject(count(table, query, params), params, Long.class);
        return count == null ? 0 : count;
    }

    static String count(String table, MeasureQuery query, MapSqlParameterSource params) {
        return "select count(*) from " + table + " where " + conditions(query, params);
    }

    /**
     * The statement that reads a page, and one more row to tell whether another page follows; its parameters are
     * added to {@code params}. The page starts after the query's position by a condition on the order's own index
     * (migration V32), so that a late page costs what the first one does.
     */
    static String select(String table, MeasureQuery query, MapSqlParameterSource params) {
        StringBuilder sql =
                new StringBuilder("select " + COLUMNS + " from " + table + " where " + conditions(query, params));
        MeasureSort sort = query.sort();
        if (query.after() != null) {
            sql.append(" and ").append(sort.after());
            params.addValue("afterKey", sort.sqlKey(query.after()));
            params.addValue("afterId", query.after().measureId());
        }
        params.addValue("limit", query.limit() + 1);
        return sql.append(" order by ")
                .append(sort.orderBy())
                .append(" limit :limit")
                .toString();
    }

    private static String conditions(MeasureQuery query, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder("kind is not null");
        if (query.kind() != null) {
            sql.append(" and kind = :kind");
            params.addValue("kind", query.kind());
        }
        if (query.status() != null) {
            sql.append(" and status = :status");
            params.addValue("status", query.status());
        }
        if (query.chamber() != null) {
            sql.append(" and chamber = :chamber");
            params.addValue("chamber", query.chamber());
        }
        if (query.congress() != null) {
            sql.append(" and congress = :congress");
            params.addValue("congress", query.congress());
        }
        if (query.text() != null) {
            sql.append(" and (search @@ websearch_to_tsquery('english', :text) or measure_id = :text");
            params.addValue("text", query.text());
            query.citation().ifPresent(citation -> {
                if (citation.id() != null) {
                    sql.append(" or measure_id = :citedId");
                    params.addValue("citedId", citation.id());
                    return;
                }
                // The number's own index finds the few bills of that number; the type and the Congress sift them.
                sql.append(" or (bill_number = :citedNumber");
                params.addValue("citedNumber", citation.number());
                if (citation.idPrefix() != null) {
                    sql.append(" and starts_with(measure_id, :citedPrefix)");
                    params.addValue("citedPrefix", citation.idPrefix());
                }
                if (citation.congress() != null) {
                    sql.append(" and congress = :citedCongress");
                    params.addValue("citedCongress", citation.congress());
                }
                sql.append(")");
            });
            sql.append(")");
        }
        return sql.toString();
    }

    private MeasureRow read(ResultSet rs) throws SQLException {
        MeasureRow row = new MeasureRow(rs.getString("measure_id"));
        row.kind = rs.getString("kind");
        row.title = rs.getString("title");
        row.chamber = rs.getString("chamber");
        row.congress = (Integer) rs.getObject("congress");
        row.status = rs.getString("status");
        row.statusSince = date(rs, "status_since");
        row.lastActionDate = date(rs, "last_action_date");
        row.lastActionText = rs.getString("last_action_text");
        row.nextDeadline = date(rs, "next_deadline");
        row.nextDeadlineLabel = rs.getString("next_deadline_label");
        row.latestVoteId = rs.getString("latest_vote_id");
        row.latestVoteDate = date(rs, "latest_vote_date");
        row.latestVoteQuestion = rs.getString("latest_vote_question");
        row.latestVoteResult = rs.getString("latest_vote_result");
        row.latestVoteYea = (Integer) rs.getObject("latest_vote_yea");
        row.latestVoteNay = (Integer) rs.getObject("latest_vote_nay");
        row.latestVotePresent = (Integer) rs.getObject("latest_vote_present");
        row.latestVoteNotVoting = (Integer) rs.getObject("latest_vote_not_voting");
        try {
            row.details =
                    json.readValue(rs.getString("details"), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("details of " + row.measureId + " are not JSON", e);
        }
        row.source = rs.getString("source");
        row.lastSequence = rs.getLong("last_sequence");
        Timestamp updated = rs.getTimestamp("updated_at");
        row.updatedAt = updated == null ? null : updated.toInstant();
        return row;
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private SqlParameterSource parameters(MeasureRow row) {
        try {
            return new MapSqlParameterSource()
                    .addValue("measureId", row.measureId)
                    .addValue("kind", row.kind)
                    .addValue("title", row.title)
                    .addValue("chamber", row.chamber)
                    .addValue("congress", row.congress, Types.INTEGER)
                    .addValue("status", row.status)
                    .addValue("statusSince", row.statusSince, Types.DATE)
                    .addValue("lastActionDate", row.lastActionDate, Types.DATE)
                    .addValue("lastActionText", row.lastActionText)
                    .addValue("nextDeadline", row.nextDeadline, Types.DATE)
                    .addValue("nextDeadlineLabel", row.nextDeadlineLabel)
                    .addValue("latestVoteId", row.latestVoteId)
                    .addValue("latestVoteDate", row.latestVoteDate, Types.DATE)
                    .addValue("latestVoteQuestion", row.latestVoteQuestion)
                    .addValue("latestVoteResult", row.latestVoteResult)
                    .addValue("latestVoteYea", row.latestVoteYea, Types.INTEGER)
                    .addValue("latestVoteNay", row.latestVoteNay, Types.INTEGER)
                    .addValue("latestVotePresent", row.latestVotePresent, Types.INTEGER)
                    .addValue("latestVoteNotVoting", row.latestVoteNotVoting, Types.INTEGER)
                    .addValue("details", json.writeValueAsString(row.details))
                    .addValue("source", row.source)
                    .addValue("lastSequence", row.lastSequence)
                    .addValue(
                            "updatedAt",
                            row.updatedAt == null ? null : row.updatedAt.atOffset(java.time.ZoneOffset.UTC),
                            Types.TIMESTAMP_WITH_TIMEZONE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("details of " + row.measureId + " cannot be written as JSON", e);
        }
    }
}
