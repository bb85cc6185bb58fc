package org.tracker.audit.export;

/**
 * Which events an export holds: every event of one measure, or every event recorded in a time range (from
 * inclusive, to exclusive, ISO-8601 instants). A measure's export must start at its first event; a range's events of
 * a measure start wherever the range does, linked to the hash their first line states.
 */
public record ExportSelection(String measure, String from, String to) {

    public static ExportSelection ofMeasure(String measure) {
        return new ExportSelection(measure, null, null);
    }

    public static ExportSelection recorded(String from, String to) {
        return new ExportSelection(null, from, to);
    }

    public boolean wholeMeasure() {
        return measure != null;
    }

    public String describe() {
        return wholeMeasure() ? "every event of measure " + measure : "the events recorded from " + from + " to " + to;
    }
}
