package org.tracker.api.measures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.tracker.api.TestServers;
import org.tracker.core.api.BillCitation;
import org.tracker.core.measure.MeasureRow;

/**
 * The measure list's SQL on a table of some size (20,000 measures of every kind, with dates missing, shared and
 * present): each order reads its index from where the page starts, and pages through the table exactly as the same
 * order in Java pages through the same rows folded in memory (as a list at a past moment is).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasureTableTest {

    NamedParameterJdbcTemplate jdbc;
    MeasureTable table;
    List<MeasureRow> all;

    @BeforeAll
    void fillATable() {
        DataSource database = new SimpleDriverDataSource(
                new org.postgresql.Driver(),
                TestServers.postgres().jdbcUrl(TestServers.newDatabase()),
                TestServers.postgres().username(),
                TestServers.postgres().password());
        Flyway.configure().dataSource(database).load().migrate();
        jdbc = new NamedParameterJdbcTemplate(database);
        table = new MeasureTable(jdbc, new ObjectMapper().findAndRegisterModules());
        // Bills of all eight types, numbers shared across types and Congresses, and the other kinds; about one in
        // seven without a status date, half of those without an action either; a third with a deadline; one in a
        // thousand a placeholder row the projection has not filled (no kind), which no list shows.
        jdbc.getJdbcTemplate()
                .execute(
                        """
                insert into measure (measure_id, kind, title, congress, status, status_since, last_action_date,
                                     next_deadline)
                select id, case when i % 1000 = 0 then null when id ~ '^[a-z]+[0-9]+-' then 'BILL' else 'REPORT' end,
                       'A measure', 117 + i % 3, 'INTRODUCED',
                       case when i % 7 <> 0 then date '2025-01-01' + i % 400 end,
                       case when i % 7 = 0 and i % 2 = 0 then date '2025-01-01' + i % 300 end,
                       case when i % 3 = 0 then date '2026-01-01' + i % 100 end
                from (select i, case when i % 10 < 7
                                     then (array['hr','s','hjres','sjres','hconres','sconres','hres','sres'])[1 + i % 8]
                                          || (1 + (i / 24) % 800) || '-' || (117 + i % 3)
                                     else (array['vote-h118.2-','armssale-25-','report-r'])[1 + i % 3] || i end id
                      from generate_series(1, 20000) i) ids
                on conflict (measure_id) do nothing
                """);
        jdbc.getJdbcTemplate().execute("analyze measure");
        all = new ArrayList<>();
        jdbc.query(
                "select measure_id, status_since, last_action_date, next_deadline from measure where kind is not null",
                rs -> {
                    MeasureRow row = new MeasureRow(rs.getString(1));
                    row.statusSince = date(rs.getDate(2));
                    row.lastActionDate = date(rs.getDate(3));
                    row.nextDeadline = date(rs.getDate(4));
                    all.add(row);
                });
    }

    @ParameterizedTest
    @EnumSource(MeasureSort.class)
    void theTablePagesInTheOrderTheFoldedListPagesIn(MeasureSort sort) {
        List<String> fromTheTable = new ArrayList<>();
        List<String> inMemory = new ArrayList<>();
        MeasureSort.Position tableAfter = null;
        MeasureSort.Position memoryAfter = null;
        int pages = 0;
        do {
            MeasureListPage page = table.search(query(sort, null, tableAfter));
            MeasureListPage folded = MeasureListPage.within(all, query(sort, null, memoryAfter));
            assertThat(page.total()).isEqualTo(all.size());
            assertThat(folded.total()).isEqualTo(all.size());
            page.rows().forEach(row -> fromTheTable.add(row.measureId));
            folded.rows().forEach(row -> inMemory.add(row.measureId));
            assertThat(page.next()).isEqualTo(folded.next());
            tableAfter = page.next();
            memoryAfter = folded.next();
            pages++;
        } while (tableAfter != null);
        assertThat(pages).isEqualTo((all.size() + 499) / 500);
        assertThat(fromTheTable).doesNotHaveDuplicates().hasSize(all.size()).isEqualTo(inMemory);
    }

    @ParameterizedTest
    @EnumSource(MeasureSort.class)
    void aLatePageStartsInTheOrdersIndexAndSortsNothing(MeasureSort sort) {
        MeasureRow middle = all.stream().sorted(sort.rows()).toList().get(all.size() / 2);
        String plan = plan(query(sort, null, sort.positionOf(middle)));
        assertThat(plan)
                .contains("Index Scan using measure_by_" + index(sort) + " ")
                .contains("Index Cond: ")
                .doesNotContain("Sort");
    }

    @ParameterizedTest
    @CsvSource({
        "H.R. 12, hr12-, ",
        "hjres12, hjres12-, ",
        "12, , measure_bill_number",
        "12-118, , measure_bill_number",
        "S.J.Res. 12-118, sjres12-118, measure_pkey"
    })
    void aCitationFindsTheBillsOfItsNumberByAnIndex(String text, String prefix, String index) {
        List<String> found = new ArrayList<>();
        MeasureListPage page = table.search(query(MeasureSort.CITATION, text, null));
        page.rows().forEach(row -> found.add(row.measureId));
        List<String> expected = all.stream()
                .map(row -> row.measureId)
                .filter(id -> id.matches("[a-z]+12-[0-9]+"))
                .filter(id -> prefix == null || id.startsWith(prefix))
                .filter(id -> !text.endsWith("-118") || id.endsWith("-118"))
                .sorted(Comparator.comparing(BillCitation::orderKey))
                .toList();
        assertThat(expected).isNotEmpty();
        assertThat(found).isEqualTo(expected);
        String plan = plan(query(MeasureSort.CITATION, text, null));
        // With a type, PostgreSQL may start from the id's own index (in the C collation) or from the number's.
        assertThat(plan).doesNotContain("Seq Scan").contains(index == null ? "Index Cond" : index);
    }

    private static String index(MeasureSort sort) {
        return switch (sort) {
            case CHANGED -> "change";
            case DEADLINE -> "deadline";
            case CITATION -> "citation";
        };
    }

    private static MeasureQuery query(MeasureSort sort, String text, MeasureSort.Position after) {
        return new MeasureQuery(null, null, null, null, text, sort, after, 500);
    }

    private String plan(MeasureQuery query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        return String.join(
                "\n",
                jdbc.queryForList(
                        "explain " + MeasureTable.select(MeasureTable.LIVE, query, parameters),
                        parameters,
                        String.class));
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
