package org.tracker.api.pages;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;
import org.tracker.api.measures.MeasureListParameters;
import org.tracker.api.measures.MeasureQuery;
import org.tracker.api.web.InvalidRequest;
import org.tracker.core.api.FactCalendar;

/**
 * The home page's filters as its form sends them (an empty field means "any"), checked as the API checks them, and
 * written back into links so that paging and the CSV export keep the filter.
 */
public record MeasureFilter(String kind, String status, String chamber, Integer congress, String q, int page) {

    static final int PAGE_SIZE = 50;

    /** Checks the filters with the API's own reader of them, so that the page and the API accept the same values. */
    static MeasureFilter of(
            FactCalendar calendar, String kind, String status, String chamber, String congress, String q, String page) {
        MeasureQuery query = MeasureListParameters.filters(calendar, kind, status, chamber, congress, q, PAGE_SIZE);
        return new MeasureFilter(
                query.kind(),
                query.status(),
                query.chamber(),
                query.congress(),
                query.text(),
                number(page, "page", 1, 100_000));
    }

    /** The filters, in pages of {@code size} measures. */
    MeasureQuery query(int size) {
        return MeasureQuery.newestFirst(kind, status, chamber, congress, q, size);
    }

    /** The page's own link with another page number; null page keeps none. */
    String link(String path, Integer otherPage) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        List<Object[]> fields = new ArrayList<>();
        fields.add(new Object[] {"kind", kind});
        fields.add(new Object[] {"status", status});
        fields.add(new Object[] {"chamber", chamber});
        fields.add(new Object[] {"congress", congress});
        fields.add(new Object[] {"q", q});
        fields.add(new Object[] {"page", otherPage == null || otherPage == 1 ? null : otherPage});
        for (Object[] field : fields) {
            if (field[1] != null) {
                link.queryParam((String) field[0], field[1]);
            }
        }
        return link.encode().build().toUriString();
    }

    public boolean isEmpty() {
        return kind == null && status == null && chamber == null && congress == null && q == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer number(String text, String field, int min, int max) {
        String value = blankToNull(text);
        if (value == null) {
            return field.equals("page") ? 1 : null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidRequest("'" + field + "' is a whole number from " + min + " to " + max + ", not '"
                    + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "'.");
        }
    }
}
