package org.tracker.api.pages;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Deadlines as an iCalendar feed (RFC 5545): each an all-day event on its Washington day, with an id that stays the
 * same from one fetch to the next, so that a calendar application updates an event instead of adding it twice.
 */
final class Ics {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Ics() {}

    static void write(Writer out, String name, String publicUrl, List<DeadlineList.Entry> entries, Instant now)
            throws IOException {
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//tracker//deadlines//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        line(out, "X-WR-TIMEZONE:America/New_York");
        for (DeadlineList.Entry entry : entries) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(entry.uid()));
            line(out, "DTSTAMP:" + STAMP.format(now));
            line(out, "DTSTART;VALUE=DATE:" + DAY.format(entry.on()));
            line(out, "DTEND;VALUE=DATE:" + DAY.format(entry.on().plusDays(1)));
            line(out, "SUMMARY:" + text(entry.citation() + ": " + entry.label()));
            line(
                    out,
                    "DESCRIPTION:"
                            + text((entry.title() == null ? "" : entry.title() + "\n") + entry.kind()
                                    + ". The day ends at midnight in Washington."));
            line(out, "URL:" + publicUrl + "/measures/" + entry.measureId());
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        out.flush();
    }

    /** A TEXT value: backslash, semicolon, comma and newline escaped; control characters dropped. */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (c >= 0x20 && c != 0x7f) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** A content line, folded at 75 octets as RFC 5545 asks, ended by CRLF. */
    private static void line(Writer out, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            out.write(content);
            out.write("\r\n");
            return;
        }
        int octets = 0;
        int limit = 75;
        StringBuilder folded = new StringBuilder();
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                folded.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            folded.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.write(folded.toString());
        out.write("\r\n");
    }
}
