package org.tracker.api.imports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The update date of the newest record imported for each bill, in {@code import_bill_update}. */
@Component
class BillUpdateDates {

    private final JdbcTemplate jdbc;

    BillUpdateDates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that a record of the bill updated at this date is being imported, unless a newer one was imported
     * before. Either way the bill's row stays locked until the transaction ends, so that imports of one bill take
     * turns and each compares its date with the one the last import committed.
     *
     * @return false when a newer record of the bill was imported before, and this one must change nothing
     */
    boolean advance(String billId, Instant updatedAt) {
        int advanced = jdbc.update(
                """
                insert into import_bill_update (bill_id, updated_at) values (?, ?)
                on conflict (bill_id) do update set updated_at = excluded.updated_at
                where import_bill_update.updated_at <= excluded.updated_at
                """,
                billId,
                OffsetDateTime.ofInstant(updatedAt, ZoneOffset.UTC));
        return advanced == 1;
    }
}
