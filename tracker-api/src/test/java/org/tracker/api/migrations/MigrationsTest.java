package org.tracker.api.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.tracker.api.TestServers;

/**
 * Existing databases upgrade untouched: a released migration never changes (Flyway would refuse to start on a
 * database that applied the old one), and a database made by the last release migrates to this build's schema with
 * its data. {@code released-migrations.tsv} lists the released migrations with Flyway's checksum; a migration is
 * added to it when it is released.
 */
class MigrationsTest {

    @Test
    void releasedMigrationsKeepTheirVersionsAndChecksums() throws IOException {
        Flyway flyway = flyway(newDatabase(), null);
        flyway.migrate();
        Map<String, String> applied = Stream.of(flyway.info().applied())
                .collect(Collectors.toMap(
                        info -> info.getVersion().getVersion(),
                        MigrationsTest::checksum,
                        (a, b) -> a,
                        LinkedHashMap::new));

        Map<String, String> released = released();
        assertThat(applied)
                .as(
                        "a released migration changed or went missing: change the schema with a new migration instead;"
                                + " this build applies %s",
                        applied)
                .containsAllEntriesOf(released);
    }

    @Test
    void aDatabaseMadeByTheLastReleaseMigratesToThisBuildWithItsData() throws IOException {
        DataSource database = newDatabase();
        List<String> versions = List.copyOf(released().keySet());
        flyway(database, versions.get(versions.size() - 1)).migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.update("insert into measure (measure_id, kind, title, status, details, last_sequence) values"
                + " ('hr1229-119', 'BILL', 'United States-Israel Defense Partnership Act of 2025', 'REFERRED',"
                + " '{}'::jsonb, 3)");
        jdbc.update("insert into measure (measure_id, kind, title, status, details, last_sequence) values"
                + " ('mou-2016', 'MOU', '2016 MoU', 'IN_FORCE', '{\"fiscalYears\": \"FY2019-FY2028\"}'::jsonb, 0)");
        jdbc.update("insert into notify_measure (measure_id, state, last_sequence) values ('mou-2016',"
                + " '{\"row\": {\"measureId\": \"mou-2016\", \"kind\": \"MOU\", \"details\": {\"fiscalYears\":"
                + " \"FY2019-FY2028\"}}, \"members\": []}'::jsonb, 0)");

        Flyway flyway = flyway(database, null);
        flyway.migrate();
        flyway.validate();

        assertThat(jdbc.queryForObject("select status from measure where measure_id = 'hr1229-119'", String.class))
                .isEqualTo("REFERRED");
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select details ->> 'lastFiscalYear' from measure where measure_id = 'mou-2016'", String.class))
                .isEqualTo("2028");
        assertThat(jdbc.queryForObject(
                        "select state -> 'row' -> 'details' ->> 'lastFiscalYear' from notify_measure", String.class))
                .isEqualTo("2028");
    }

    private static Flyway flyway(DataSource database, String target) {
        var configuration = Flyway.configure().dataSource(database);
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static DataSource newDatabase() {
        return new SimpleDriverDataSource(
                new org.postgresql.Driver(),
                TestServers.postgres().jdbcUrl(TestServers.newDatabase()),
                TestServers.postgres().username(),
                TestServers.postgres().password());
    }

    private static String checksum(MigrationInfo info) {
        return info.getChecksum() == null ? "-" : info.getChecksum().toString();
    }

    /** @return version to checksum, in release order */
    private static Map<String, String> released() throws IOException {
        try (InputStream in = MigrationsTest.class.getResourceAsStream("released-migrations.tsv")) {
            Map<String, String> released = new LinkedHashMap<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .forEach(fields -> released.put(fields[0], fields[1]));
            return released;
        }
    }
}
