package org.tracker.api.measures;

import java.util.Collection;
import java.util.List;
import org.tracker.core.measure.MeasureRow;

/**
 * One page of the measure list.
 *
 * @param next where the following page starts; null on the last page
 * @param total how many measures match the filters, all pages together
 */
record MeasureListPage(List<MeasureRow> rows, MeasureSort.Position next, long total) {

    /** @param fetched the rows after the query's position, in its order, up to one more than its limit */
    static MeasureListPage of(List<MeasureRow> fetched, MeasureQuery query, long total) {
        if (fetched.size() <= query.limit()) {
            return new MeasureListPage(fetched, null, total);
        }
        List<MeasureRow> rows = fetched.subList(0, query.limit());
        return new MeasureListPage(rows, query.sort().positionOf(rows.get(rows.size() - 1)), total);
    }

    /** A page of measures folded in memory (at a past moment), ordered and paged as the table's are. */
    static MeasureListPage within(Collection<MeasureRow> measures, MeasureQuery query) {
        List<MeasureRow> matching = measures.stream().filter(query::matches).toList();
        MeasureSort sort = query.sort();
        List<MeasureRow> fetched = matching.stream()
                .filter(row ->
                        query.after() == null || sort.positions().compare(sort.positionOf(row), query.after()) > 0)
                .sorted(sort.rows())
                .limit(query.limit() + 1L)
                .toList();
        return of(fetched, query, matching.size());
    }
}
