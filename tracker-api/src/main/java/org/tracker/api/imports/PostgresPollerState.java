package org.tracker.api.imports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tracker.core.api.BillId;
import org.tracker.imports.congressgov.PollerState;

/** What the congress.gov poller remembers, kept in PostgreSQL so that a restarted tracker resumes where it was. */
@Component
class PostgresPollerState implements PollerState {

    private final JdbcTemplate jdbc;

    PostgresPollerState(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> windowEnd() {
        return jdbc
                .query(
                        "select window_end from import_congress_gov_window",
                        (row, n) -> row.getObject(1, OffsetDateTime.class).toInstant())
                .stream()
                .findFirst();
    }

    @Override
    public void recordWindowEnd(Instant end) {
        jdbc.update(
                """
                insert into import_congress_gov_window (id, window_end) values (1, ?)
                on conflict (id) do update set window_end = excluded.window_end
                """,
                OffsetDateTime.ofInstant(end, ZoneOffset.UTC));
    }

    @Override
    public Optional<String> contentHash(BillId bill) {
        return jdbc
                .query(
                        "select content_hash from import_congress_gov_bill where bill_id = ?",
                        (row, n) -> row.getString(1),
                        bill.toString())
                .stream()
                .findFirst();
    }

    @Override
    public void recordContentHash(BillId bill, String hash) {
        jdbc.update(
                """
                insert into import_congress_gov_bill (bill_id, content_hash) values (?, ?)
                on conflict (bill_id) do update set content_hash = excluded.content_hash, hashed_at = now()
                """,
                bill.toString(),
                hash);
    }
}
