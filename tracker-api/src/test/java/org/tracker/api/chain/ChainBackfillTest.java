package org.tracker.api.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tracker.api.TestServers;
import org.tracker.audit.chain.ChainReport;

/** A store that held events before the chain existed becomes verifiable when it is migrated. */
class ChainBackfillTest {

    @Test
    void eventsStoredBeforeTheChainAreLinkedOnceByTheMigration() {
        String database = TestServers.newDatabase();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(TestServers.postgres().jdbcUrl(database));
        dataSource.setUser(TestServers.postgres().username());
        dataSource.setPassword(TestServers.postgres().password());
        Flyway.configure().dataSource(dataSource).target("12").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update(
                "insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,"
                        + " payload, payloadrevision, payloadtype, timestamp) select 'hr' || (n % 7) || '-119', n / 7,"
                        + " 'Bill', 'event-' || n, null, convert_to('{\"n\":' || n || '}', 'UTF8'), '1',"
                        + " 'org.tracker.core.api.BillActionRecorded', '2025-02-12T10:15:30.123Z'"
                        + " from generate_series(0, ?) n order by n",
                ChainBackfill.BATCH + 2);

        Flyway.configure()
                .dataSource(dataSource)
                .javaMigrations(new ChainBackfill())
                .load()
                .migrate();

        ChainReport report = new ChainVerifier(dataSource).walk((events, percent) -> {});
        assertThat(report.intact()).as(String.valueOf(report.firstProblem())).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(ChainBackfill.BATCH + 3);
        assertThat(report.measuresChecked()).isEqualTo(7);

        jdbc.update("update domainevententry set payload = '{}' where eventidentifier = 'event-4000'");
        assertThat(new ChainVerifier(dataSource)
                        .walk((events, percent) -> {})
                        .firstProblem()
                        .description())
                .endsWith("(measure hr3-119, sequence 571) was altered: its stored row no longer matches its hash");
    }
}
