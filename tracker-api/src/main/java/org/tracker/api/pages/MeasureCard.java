package org.tracker.api.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tracker.core.api.MeasureCitation;
import org.tracker.core.measure.Deadline;
import org.tracker.core.measure.MeasureRow;

/**
 * One measure as its row on the home page and the summary on its own page show it: everything already said in a
 * person's words, so that the templates only place it.
 */
public record MeasureCard(
        String id,
        String citation,
        String title,
        String kind,
        String chamber,
        Integer congress,
        String status,
        String statusCode,
        boolean setback,
        LocalDate statusSince,
        LocalDate lastActionDate,
        String lastAction,
        LocalDate deadline,
        String deadlineLabel,
        String countdown,
        boolean deadlineNear,
        boolean deadlinePast,
        String voteId,
        String voteTally,
        String voteResult,
        LocalDate voteDate,
        List<Detail> details) {

    /** A line of the measure's particulars: what it is, in words, and its value. */
    public record Detail(String label, String value) {}

    /** Within this many days a deadline is marked as near. */
    private static final int NEAR_DAYS = 7;

    static MeasureCard of(MeasureRow row, Instant now) {
        Deadline deadline = Deadline.of(row).orElse(null);
        Integer daysLeft = deadline == null ? null : deadline.daysLeftAt(now);
        return new MeasureCard(
                row.measureId,
                MeasureCitation.of(row.measureId, row.title),
                row.title,
                kindText(row.kind),
                row.chamber == null ? null : Words.of(row.chamber),
                row.congress,
                StatusText.of(row.status),
                row.status,
                StatusText.isSetback(row.status),
                row.statusSince,
                row.lastActionDate,
                row.lastActionText,
                deadline == null ? null : deadline.on(),
                deadline == null ? null : deadline.label(),
                daysLeft == null ? null : countdown(daysLeft),
                daysLeft != null && daysLeft >= 0 && daysLeft <= NEAR_DAYS,
                daysLeft != null && daysLeft < 0,
                row.latestVoteId,
                row.latestVoteId == null ? null : tally(row),
                row.latestVoteResult,
                row.latestVoteDate,
                details(row.details));
    }

    /** The particulars a kind keeps, labelled; what the citation or the title already says is left out. */
    private static List<Detail> details(Map<String, Object> details) {
        List<Detail> lines = new ArrayList<>();
        details.forEach((key, value) -> {
            if (value == null || HIDDEN.contains(key)) {
                return;
            }
            String label = LABELS.getOrDefault(
                    key, key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT));
            lines.add(new Detail(Character.toUpperCase(label.charAt(0)) + label.substring(1), text(key, value)));
        });
        return lines;
    }

    private static final Set<String> HIDDEN =
            Set.of("billType", "number", "lastFiscalYear", "disbursementsDue", "disapprovalResolutions");

    private static final Map<String, String> LABELS = Map.of(
            "introducedOn", "introduced",
            "valueUsd", "value",
            "totalsUsd", "totals",
            "scheduledUsd", "scheduled",
            "votedOn", "on the measure");

    private static String text(String key, Object value) {
        if (value instanceof Map<?, ?> map && map.containsKey("name")) {
            Object party = map.get("party");
            Object state = map.get("state");
            return map.get("name") + (party == null && state == null ? "" : " (" + party + "-" + state + ")");
        }
        if (value instanceof Number number && key.endsWith("Usd")) {
            return TimelineEntry.dollars(number.longValue());
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(Words.of(String.valueOf(k)) + ": "
                    + (v instanceof Number n && (key.endsWith("Usd") || key.equals("funding"))
                            ? TimelineEntry.dollars(n.longValue())
                            : String.valueOf(v))));
            return String.join("; ", parts);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    static String kindText(String kind) {
        if (kind == null) {
            return "Measure";
        }
        return switch (kind) {
            case "BILL" -> "Bill or resolution";
            case "VOTE" -> "Roll-call vote";
            case "ARMS_SALE" -> "Arms sale";
            case "WAIVER" -> "Waiver";
            case "MOU" -> "Memorandum of understanding";
            case "REPORT" -> "Mandated report";
            default -> Words.of(kind);
        };
    }

    private static String tally(MeasureRow row) {
        return n(row.latestVoteYea) + "–" + n(row.latestVoteNay);
    }

    private static int n(Integer count) {
        return count == null ? 0 : count;
    }

    static String countdown(int daysLeft) {
        if (daysLeft == 0) {
            return "today";
        }
        if (daysLeft == 1) {
            return "tomorrow";
        }
        if (daysLeft == -1) {
            return "yesterday";
        }
        return daysLeft > 0 ? "in " + daysLeft + " days" : -daysLeft + " days ago";
    }
}
