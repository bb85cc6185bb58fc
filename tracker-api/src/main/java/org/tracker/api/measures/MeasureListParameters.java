package org.tracker.api.measures;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tracker.api.web.InvalidParameter;
import org.tracker.core.api.BillCitation;
import org.tracker.core.api.Chamber;
import org.tracker.core.api.FactCalendar;
import org.tracker.core.api.FactLimits;
import org.tracker.core.api.MeasureIds;
import org.tracker.core.api.MeasureKind;
import org.tracker.core.api.MeasureStatus;
import org.tracker.core.api.Require;

/**
 * The measure list's query parameters, read strictly: a value outside the vocabulary is a 400 problem that names the
 * parameter and the values it takes, never a list silently empty. A parameter given empty counts as not given.
 */
public final class MeasureListParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private MeasureListParameters() {}

    /**
     * The filters alone, checked as the list's are (the pages' form sends these): an empty field means "any", and
     * the query is for the first {@code limit} measures, newest first.
     */
    public static MeasureQuery filters(
            FactCalendar calendar,
            String kind,
            String status,
            String chamber,
            String congress,
            String text,
            int limit) {
        return read(
                calendar,
                blankToNull(kind),
                blankToNull(status),
                blankToNull(chamber),
                blankToNull(congress),
                blankToNull(text),
                null,
                Integer.toString(limit),
                null,
                null,
                null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * @param size the older name of {@code limit}
     * @param page the offset paging this list had before cursors, refused so that no client loops on its first page
     */
    static MeasureQuery read(
            FactCalendar calendar,
            String kind,
            String status,
            String chamber,
            String congress,
            String text,
            String sort,
            String limit,
            String size,
            String page,
            String cursor) {
        if (given(page)) {
            throw new InvalidParameter(
                    "page",
                    "'page' is not read: the list is paged by cursor. Follow the URL in the answer's Link header"
                            + " (rel=\"next\"), which carries the 'cursor' of the next page, until there is none.");
        }
        if (given(limit) && given(size)) {
            throw new InvalidParameter("size", "'size' is another name for 'limit': give one of them.");
        }
        MeasureKind measureKind = kind(kind);
        MeasureSort order = sort(sort);
        MeasureSort.Position after = null;
        if (given(cursor)) {
            Continued continued = continued(cursor);
            if (order != null && order != continued.sort()) {
                throw new InvalidParameter(
                        "sort",
                        "This 'cursor' continues the list sorted by '"
                                + continued.sort().parameter() + "', not '"
                                + order.parameter() + "'; follow the next link as it is, or start again without"
                                + " 'cursor'.");
            }
            order = continued.sort();
            after = continued.after();
        }
        Require.text(text, "q", FactLimits.SEARCH_TEXT);
        return new MeasureQuery(
                measureKind == null ? null : measureKind.name(),
                status(measureKind, status),
                chamber(chamber),
                congress(calendar, congress),
                given(text) ? text.strip() : null,
                order == null ? MeasureSort.CHANGED : order,
                after,
                limit(given(size) ? "size" : "limit", given(size) ? size : limit));
    }

    /** The opaque token with which a client asks for the page after {@code position}. */
    static String cursor(MeasureSort sort, MeasureSort.Position position) {
        String text = sort.parameter() + "|" + position.key() + "|" + position.measureId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private record Continued(MeasureSort sort, MeasureSort.Position after) {}

    private static Continued continued(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("a cursor has three parts");
            }
            MeasureSort sort = MeasureSort.valueOf(parts[0].toUpperCase(Locale.ROOT));
            String key = parts[1];
            String id = MeasureIds.requireCanonical(parts[2], "cursor");
            if (sort == MeasureSort.CITATION) {
                if (!key.equals(BillCitation.orderKey(id))) {
                    throw new IllegalArgumentException("not the citation order of " + id);
                }
            } else if (!key.isEmpty()) {
                LocalDate.parse(key);
            }
            return new Continued(sort, new MeasureSort.Position(key, id));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidParameter(
                    "cursor", "'cursor' is not one this API gave; pass back the one from the next link as it is.");
        }
    }

    private static MeasureKind kind(String text) {
        if (!given(text)) {
            return null;
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return MeasureKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            List<String> kinds = names(MeasureKind.values());
            throw new InvalidParameter(
                    "kind",
                    kinds,
                    "'kind' (" + text + ") is not a kind of measure; give one of " + String.join(", ", kinds) + ".");
        }
    }

    private static String status(MeasureKind kind, String text) {
        if (!given(text)) {
            return null;
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        List<MeasureKind> kinds = kind == null ? List.of(MeasureKind.values()) : List.of(kind);
        List<String> accepted = kinds.stream()
                .flatMap(each -> MeasureStatus.all(each).stream())
                .map(MeasureStatus::code)
                .distinct()
                .toList();
        if (accepted.contains(code)) {
            return code;
        }
        String byKind = kinds.stream()
                .map(each -> each + ": "
                        + MeasureStatus.all(each).stream()
                                .map(MeasureStatus::code)
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        throw new InvalidParameter(
                "status",
                accepted,
                "'status' (" + text + ") is not a status " + (kind == null ? "of any measure" : "of a " + kind)
                        + "; give one of " + byKind + ".");
    }

    private static String chamber(String text) {
        if (!given(text)) {
            return null;
        }
        try {
            return Chamber.valueOf(text.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            List<String> chambers = names(Chamber.values());
            throw new InvalidParameter(
                    "chamber",
                    chambers,
                    "'chamber' (" + text + ") is not a chamber; give one of " + String.join(", ", chambers) + ".");
        }
    }

    private static Integer congress(FactCalendar calendar, String text) {
        if (!given(text)) {
            return null;
        }
        if (!text.strip().matches("[0-9]{1,4}")) {
            throw new InvalidParameter(
                    "congress", "'congress' (" + text + ") must be a Congress's number, such as 119 for 2025-2026.");
        }
        int congress = Integer.parseInt(text.strip());
        try {
            calendar.congress(congress, "congress");
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("congress", e.getMessage() + ".");
        }
        return congress;
    }

    private static MeasureSort sort(String text) {
        if (!given(text)) {
            return null;
        }
        return Arrays.stream(MeasureSort.values())
                .filter(sort -> sort.parameter().equalsIgnoreCase(text.strip()))
                .findFirst()
                .orElseThrow(() -> {
                    List<String> sorts = Arrays.stream(MeasureSort.values())
                            .map(MeasureSort::parameter)
                            .toList();
                    return new InvalidParameter(
                            "sort",
                            sorts,
                            "'sort' (" + text + ") is not an order of the list; give one of " + String.join(", ", sorts)
                                    + ": changed (most recently changed first, the default), deadline (the next"
                                    + " deadline soonest first) or citation (bills by type, number and Congress).");
                });
    }

    private static int limit(String name, String text) {
        if (!given(text)) {
            return DEFAULT_LIMIT;
        }
        if (text.strip().matches("[0-9]{1,4}")) {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        throw new InvalidParameter(
                name, "'" + name + "' (" + text + ") must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
