package org.tracker.notify.web;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import org.tracker.core.api.FactCalendar;
import org.tracker.notify.store.AlertQuery;
import org.tracker.notify.store.AlertQuery.Position;

/**
 * The alert queries' parameters, read strictly: a mistake is a 400 problem that names the parameter, never an answer
 * wider or narrower than asked. A parameter given empty counts as not given.
 */
final class AlertParameters {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private AlertParameters() {}

    /**
     * @param since the older name of {@code from}
     * @param cursor where the previous page ended, as its {@code next} link gave it
     */
    static AlertQuery read(
            FactCalendar calendar,
            String account,
            String measure,
            String from,
            String since,
            String to,
            String limit,
            String cursor) {
        if (given(from) && given(since)) {
            throw NotifyProblem.invalidParameter("since", "'since' is another name for 'from': give one of them.");
        }
        String fromName = given(since) ? "since" : "from";
        Instant start = instant(calendar, fromName, given(since) ? since : from);
        Instant end = instant(calendar, "to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw NotifyProblem.invalidParameter(
                    fromName, "'" + fromName + "' (" + start + ") is after 'to' (" + end + "): the range is empty.");
        }
        return new AlertQuery(
                given(account) ? account : null,
                given(measure) ? measure : null,
                start,
                end,
                position(cursor),
                limit(limit));
    }

    /** The opaque token a client passes back to read the page after {@code position}. */
    static String cursor(Position position) {
        String text = position.decidedAt() + "|" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Position position(String cursor) {
        if (!given(cursor)) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new Position(Instant.parse(text.substring(0, bar)), UUID.fromString(text.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw NotifyProblem.invalidParameter(
                    "cursor", "'cursor' is not one this API gave; pass back the one from the 'next' link as it is.");
        }
    }

    /** An instant far outside the span the tracker knows is a mistake, and one PostgreSQL cannot compare with. */
    private static Instant instant(FactCalendar calendar, String name, String text) {
        if (!given(text)) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw NotifyProblem.invalidParameter(
                    name,
                    "'" + name + "' (" + text + ") is not a date and time with an offset, such as"
                            + " 2026-03-02T14:30:00Z or 2026-03-02T09:30:00-05:00 (a '+' is written %2B in a URL).");
        }
        try {
            calendar.moment(instant, name);
        } catch (IllegalArgumentException e) {
            throw NotifyProblem.invalidParameter(name, e.getMessage());
        }
        return instant;
    }

    private static int limit(String text) {
        if (!given(text)) {
            return DEFAULT_LIMIT;
        }
        if (text.matches("[0-9]{1,4}")) {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        throw NotifyProblem.invalidParameter(
                "limit", "'limit' (" + text + ") must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
