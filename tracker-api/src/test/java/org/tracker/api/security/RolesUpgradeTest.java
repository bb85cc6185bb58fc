package org.tracker.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.tracker.api.TestServers;

/** A database made before roles: each account keeps exactly what it could do. */
class RolesUpgradeTest {

    @Test
    void operatorsBecomeOperatorsAndOtherAccountsRecordersAndStaffers() {
        String database = TestServers.newDatabase();
        SimpleDriverDataSource source = new SimpleDriverDataSource(
                new org.postgresql.Driver(),
                TestServers.postgres().jdbcUrl(database),
                TestServers.postgres().username(),
                TestServers.postgres().password());
        Flyway.configure().dataSource(source).target("22").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(source);
        jdbc.update(
                "insert into account (id, name, email, admin) values ('hfac-staff', 'HFAC', 'a@example.org', false)");
        jdbc.update("insert into account (id, admin) values ('second-operator', true)");

        Flyway.configure().dataSource(source).load().migrate();

        Accounts accounts = new Accounts(jdbc);
        assertThat(accounts.find("operator").orElseThrow().roles()).containsExactly(Role.OPERATOR);
        assertThat(accounts.find("second-operator").orElseThrow().roles()).containsExactly(Role.OPERATOR);
        assertThat(accounts.find("hfac-staff").orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.RECORDER, Role.STAFFER);
        assertThat(accounts.all()).extracting(Accounts.Account::id).containsAll(List.of("hfac-staff", "operator"));
    }
}
