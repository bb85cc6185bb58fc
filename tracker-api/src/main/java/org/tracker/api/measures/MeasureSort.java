package org.tracker.api.measures;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import org.tracker.core.api.BillCitation;
import org.tracker.core.measure.MeasureRow;

/**
 * The orders of the measure list ({@code sort=}), each total (ids break ties) so that a page can start exactly where
 * the previous one ended. Each is written twice, once in SQL for the live table and once in Java for the list folded
 * from the store; both compare ids byte by byte (the C collation in SQL), and migration V32 indexes each SQL order.
 */
enum MeasureSort {

    /** Most recently changed first: by the day of the status, else of the last action; measures with neither last. */
    CHANGED(
            "coalesce(status_since, last_action_date, '-infinity'::date) desc, measure_id collate \"C\"",
            // Written as a range on the first column of the index, so that a page starts where the index says.
            "coalesce(status_since, last_action_date, '-infinity'::date) <= cast(:afterKey as date) and"
                    + " (coalesce(status_since, last_action_date, '-infinity'::date) < cast(:afterKey as date)"
                    + " or measure_id collate \"C\" > :afterId)",
            "-infinity"),

    /** The next deadline soonest first; measures without one last. */
    DEADLINE(
            "coalesce(next_deadline, 'infinity'::date), measure_id collate \"C\"",
            "(coalesce(next_deadline, 'infinity'::date), measure_id collate \"C\") > (cast(:afterKey as date), :afterId)",
            "infinity"),

    /** Bills and resolutions by type, number and Congress (H.R. 1, H.R. 2, ..., S. 1, ...); then the rest by id. */
    CITATION("citation_order", "citation_order > :afterKey", null);

    /**
     * Where a row sits in an order: its key in that order, and its id.
     *
     * @param key a date ({@code CHANGED}, {@code DEADLINE}), empty when the row has none, or a citation order key
     */
    record Position(String key, String measureId) {}

    private final String orderBy;
    private final String after;
    /** What SQL reads an empty date key as: where rows without the date sort. */
    private final String noDate;

    MeasureSort(String orderBy, String after, String noDate) {
        this.orderBy = orderBy;
        this.after = after;
        this.noDate = noDate;
    }

    /** The name clients give in {@code sort=}. */
    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    String orderBy() {
        return orderBy;
    }

    /** The condition that keeps the rows after a position: {@code :afterKey} and {@code :afterId}. */
    String after() {
        return after;
    }

    /** The value of {@code :afterKey} for a position. */
    String sqlKey(Position position) {
        return position.key().isEmpty() ? noDate : position.key();
    }

    Position positionOf(MeasureRow row) {
        return new Position(
                switch (this) {
                    case CHANGED -> text(row.statusSince != null ? row.statusSince : row.lastActionDate);
                    case DEADLINE -> text(row.nextDeadline);
                    case CITATION -> BillCitation.orderKey(row.measureId);
                },
                row.measureId);
    }

    /** The order in Java, the same as {@link #orderBy()}: ISO dates compare as strings, and ids by their chars. */
    Comparator<Position> positions() {
        Comparator<String> keys =
                switch (this) {
                    case CHANGED -> Comparator.comparing(
                            (String key) -> key.isEmpty() ? null : key,
                            Comparator.nullsLast(Comparator.reverseOrder()));
                    case DEADLINE -> Comparator.comparing(
                            (String key) -> key.isEmpty() ? null : key,
                            Comparator.nullsLast(Comparator.naturalOrder()));
                    case CITATION -> Comparator.naturalOrder();
                };
        return Comparator.comparing(Position::key, keys).thenComparing(Position::measureId);
    }

    Comparator<MeasureRow> rows() {
        return Comparator.comparing(this::positionOf, positions());
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
