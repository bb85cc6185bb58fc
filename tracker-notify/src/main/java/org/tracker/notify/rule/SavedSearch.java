package org.tracker.notify.rule;

import java.util.List;
import java.util.Locale;
import org.tracker.core.measure.MeasureRow;

/**
 * Measures matching a search a subscriber saved: every word in the title or id, and the chamber, Congress and status
 * where given. A measure that comes to match later (a new bill with the words, a status reached) is followed from
 * then on.
 */
public record SavedSearch(List<String> words, String chamber, Integer congress, String status) {

    public SavedSearch {
        words = words == null
                ? List.of()
                : words.stream()
                        .map(word -> word.strip().toLowerCase(Locale.ROOT))
                        .filter(word -> !word.isEmpty())
                        .toList();
        chamber = chamber == null ? null : chamber.strip().toUpperCase(Locale.ROOT);
        status = status == null ? null : status.strip().toUpperCase(Locale.ROOT);
        if (words.isEmpty() && chamber == null && congress == null && status == null) {
            throw new IllegalArgumentException(
                    "A saved search needs at least one of: words, chamber, congress, status.");
        }
    }

    public boolean matches(MeasureRow row) {
        String text = ((row.title == null ? "" : row.title) + " " + row.measureId).toLowerCase(Locale.ROOT);
        return words.stream().allMatch(text::contains)
                && (chamber == null || chamber.equals(row.chamber))
                && (congress == null || congress.equals(row.congress))
                && (status == null || status.equals(row.status));
    }
}
