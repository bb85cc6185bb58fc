package org.tracker.api.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.tracker.core.api.MeasureCitation;

/**
 * Every deadline in a span of days, from the projection: each measure's next deadline (a review window closing, a
 * waiver expiring, a report due) and, for an MoU, each tranche's disbursement due and the end of its period. One
 * indexed query, whatever the number of measures.
 */
@Component
class DeadlineList {

    /** One deadline, as the page and the calendar feed show it. */
    public record Entry(
            LocalDate on, String label, String measureId, String citation, String title, String kind, String uid) {

        public String countdown(LocalDate today) {
            return MeasureCard.countdown((int) (on.toEpochDay() - today.toEpochDay()));
        }

        public boolean isPast(LocalDate today) {
            return on.isBefore(today);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    DeadlineList(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param kind a measure kind, or null for every kind */
    List<Entry> between(LocalDate from, LocalDate to, String kind) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", from)
                .addValue("to", to)
                .addValue("kind", kind);
        List<Entry> entries = new ArrayList<>();
        jdbc.query(
                "select measure_id, kind, title, next_deadline, next_deadline_label, details -> 'disbursementsDue'"
                        + " as tranches, details -> 'lastFiscalYear' as last_fiscal_year from measure"
                        + " where kind is not null and (cast(:kind as varchar) is null or kind = :kind)"
                        + " and (next_deadline between :from and :to or kind = 'MOU')",
                params,
                rs -> {
                    String id = rs.getString("measure_id");
                    String title = rs.getString("title");
                    String measureKind = rs.getString("kind");
                    if ("MOU".equals(measureKind)) {
                        addMou(entries, id, title, rs.getString("tranches"), rs.getString("last_fiscal_year"));
                    } else if (rs.getDate("next_deadline") != null) {
                        LocalDate on = rs.getDate("next_deadline").toLocalDate();
                        String label = rs.getString("next_deadline_label");
                        entries.add(entry(on, label == null ? "deadline" : label, id, title, measureKind));
                    }
                });
        return entries.stream()
                .filter(entry -> !entry.on().isBefore(from) && !entry.on().isAfter(to))
                .sorted(Comparator.comparing(Entry::on).thenComparing(Entry::measureId))
                .toList();
    }

    /** An MoU's open tranche disbursements and its period's end, each a deadline of its own. */
    private void addMou(List<Entry> entries, String id, String title, String tranchesJson, String lastFiscalYear) {
        if (tranchesJson != null) {
            Map<String, Object> tranches;
            try {
                tranches = json.readValue(tranchesJson, new TypeReference<Map<String, Object>>() {});
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the disbursements due of " + id + " are not JSON", e);
            }
            tranches.forEach((tranche, due) -> entries.add(
                    entry(LocalDate.parse(due.toString()), tranche + " disbursement due", id, title, "MOU")));
        }
        if (lastFiscalYear != null && lastFiscalYear.matches("\\d{4}")) {
            int year = Integer.parseInt(lastFiscalYear);
            entries.add(entry(LocalDate.of(year, 9, 30), "MoU period ends (FY" + year + ")", id, title, "MOU"));
        }
    }

    private static Entry entry(LocalDate on, String label, String measureId, String title, String kind) {
        String slug =
                label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return new Entry(
                on,
                label,
                measureId,
                MeasureCitation.of(measureId, title),
                title,
                MeasureCard.kindText(kind),
                measureId + "." + slug + "." + on + "@tracker");
    }
}
