package org.tracker.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements each page runs, as the tracker's code writes them (MeasureTable, DeadlineList, MeasureEvents and
 * Axon's JDBC storage engine), run here by plain JDBC with every column of every row read: a page's baseline, so that
 * the ratio of the two shows what the page costs beyond its queries.
 */
final class PageQueries {

    /** The SQL a page runs, on one connection; @return the rows it read */
    interface Work {
        int run(Connection connection) throws SQLException;
    }

    /** MeasureTable's columns, in its order. */
    private static final String COLUMNS = "measure_id, kind, title, chamber, congress, status, status_since,"
            + " last_action_date, last_action_text, next_deadline, next_deadline_label, latest_vote_id,"
            + " latest_vote_date, latest_vote_question, latest_vote_result, latest_vote_yea, latest_vote_nay,"
            + " latest_vote_present, latest_vote_not_voting, details, source, last_sequence, updated_at";

    private static final String ORDER =
            " order by coalesce(status_since, last_action_date) desc nulls last," + " measure_id limit ? offset ?";

    /** Axon's JdbcEventStorageEngine reading one aggregate's events, a batch of 100 at a time. */
    private static final String AGGREGATE_EVENTS =
            "select globalindex, eventidentifier, aggregateidentifier, sequencenumber,"
                    + " timestamp, payloadtype, payloadrevision, payload, metadata, type from domainevententry"
                    + " where aggregateidentifier = ? and sequencenumber >= ? and sequencenumber < ?"
                    + " order by sequencenumber asc";

    private static final int AXON_BATCH = 100;

    private PageQueries() {}

    /**
     * The home page: MeasureTable's count, then its search, with the same filters.
     *
     * @param kind a kind, or null
     * @param text the search text, or null
     * @param zeroBasedPage the page, from 0, of {@code size} rows
     */
    static Work list(String kind, String text, int zeroBasedPage, int size) {
        return connection -> {
            List<Object> params = new ArrayList<>();
            String where = where(kind, text, params);
            int rows = 0;
            try (PreparedStatement count = connection.prepareStatement("select count(*) from measure" + where)) {
                bind(count, params);
                rows += readAll(count);
            }
            try (PreparedStatement search =
                    connection.prepareStatement("select " + COLUMNS + " from measure" + where + ORDER)) {
                params.add(size);
                params.add((long) zeroBasedPage * size);
                bind(search, params);
                rows += readAll(search);
            }
            return rows;
        };
    }

    /** The CSV export: MeasureTable's search, 500 rows at a time, until a page comes back short. */
    static Work csv(String kind) {
        return connection -> {
            int size = 500;
            int rows = 0;
            for (int page = 0; ; page++) {
                List<Object> params = new ArrayList<>();
                String where = where(kind, null, params);
                params.add(size);
                params.add((long) page * size);
                int read;
                try (PreparedStatement search =
                        connection.prepareStatement("select " + COLUMNS + " from measure" + where + ORDER)) {
                    bind(search, params);
                    read = readAll(search);
                }
                rows += read;
                if (read < size) {
                    return rows;
                }
            }
        };
    }

    /** A measure's page: its row, the roll calls on it, then its own events and theirs, as MeasureEvents reads them. */
    static Work measure(String measureId) {
        return connection -> {
            int rows = row(connection, measureId);
            List<String> votes = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select distinct aggregateidentifier from"
                    + " domainevententry where payloadtype = ? and vote_measure(payload) = ?")) {
                select.setString(1, "org.tracker.core.api.RollCallVoteRecorded");
                select.setString(2, measureId);
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        votes.add(found.getString(1));
                    }
                }
            }
            rows += votes.size() + events(connection, measureId);
            for (String vote : votes) {
                rows += events(connection, vote);
            }
            return rows;
        };
    }

    /** A vote's page: its row and its own events. */
    static Work vote(String voteId) {
        return connection -> row(connection, voteId) + events(connection, voteId);
    }

    /** The deadlines page and the calendar feed: DeadlineList's one query, for every kind. */
    static Work deadlines(LocalDate from, LocalDate to) {
        return connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select measure_id, kind, title,"
                            + " next_deadline, next_deadline_label, details -> 'disbursementsDue' as tranches,"
                            + " details -> 'lastFiscalYear' as last_fiscal_year from measure where kind is not null and"
                            + " (cast(? as varchar) is null or kind = ?) and (next_deadline between ? and ? or kind = 'MOU')")) {
                select.setString(1, null);
                select.setString(2, null);
                select.setDate(3, Date.valueOf(from));
                select.setDate(4, Date.valueOf(to));
                return readAll(select);
            }
        };
    }

    private static String where(String kind, String text, List<Object> params) {
        StringBuilder sql = new StringBuilder(" where kind is not null");
        if (kind != null) {
            sql.append(" and kind = ?");
            params.add(kind);
        }
        if (text != null) {
            sql.append(" and (search @@ websearch_to_tsquery('english', ?) or measure_id = ?)");
            params.add(text);
            params.add(text);
        }
        return sql.toString();
    }

    private static int row(Connection connection, String measureId) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("select " + COLUMNS + " from measure where measure_id in (?)")) {
            select.setString(1, measureId);
            return readAll(select);
        }
    }

    private static int events(Connection connection, String aggregateId) throws SQLException {
        int rows = 0;
        for (long first = 0; ; first += AXON_BATCH) {
            int read;
            try (PreparedStatement select = connection.prepareStatement(AGGREGATE_EVENTS)) {
                select.setString(1, aggregateId);
                select.setLong(2, first);
                select.setLong(3, first + AXON_BATCH);
                read = readAll(select);
            }
            rows += read;
            if (read < AXON_BATCH) {
                return rows;
            }
        }
    }

    private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }

    /** Reads every column of every row, as a page's mapper would. */
    private static int readAll(PreparedStatement statement) throws SQLException {
        int rows = 0;
        try (ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int column = 1; column <= columns; column++) {
                    result.getObject(column);
                }
                rows++;
            }
        }
        return rows;
    }
}
