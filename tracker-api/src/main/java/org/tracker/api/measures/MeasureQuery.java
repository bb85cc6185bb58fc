package org.tracker.api.measures;

import java.util.Optional;
import org.tracker.core.api.BillCitation;
import org.tracker.core.measure.MeasureRow;

/**
 * Which measures to list, in which order, and which page of them.
 *
 * @param kind a {@code MeasureKind}'s name; this and the other filters are null for "any"
 * @param status a status's stored spelling ({@code PASS_OVER:HOUSE})
 * @param text words of the title, a measure id, or a bill's citation ({@code H.R. 1229}, or its number alone)
 * @param after where the previous page ended, or null for the first page
 * @param limit at most this many measures in the page
 */
public record MeasureQuery(
        String kind,
        String status,
        String chamber,
        Integer congress,
        String text,
        MeasureSort sort,
        MeasureSort.Position after,
        int limit) {

    /** The first measures that match the filters, most recently changed first: the list's default. */
    public static MeasureQuery newestFirst(
            String kind, String status, String chamber, Integer congress, String text, int limit) {
        return new MeasureQuery(kind, status, chamber, congress, text, MeasureSort.CHANGED, null, limit);
    }

    /**
     * Whether a measure folded in memory passes the filters; such lists (at a past moment) take no words, which need
     * the table's index.
     */
    boolean matches(MeasureRow row) {
        return (kind == null || kind.equals(row.kind))
                && (status == null || status.equals(row.status))
                && (chamber == null || chamber.equals(row.chamber))
                && (congress == null || congress.equals(row.congress));
    }

    /** The bills the words cite, if they are a citation: the search finds these besides the words' matches. */
    Optional<BillCitation> citation() {
        return BillCitation.read(text);
    }
}
