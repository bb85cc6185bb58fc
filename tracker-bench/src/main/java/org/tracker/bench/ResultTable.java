package org.tracker.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The figures of a run, each of the tracker's paths beside the baseline it is compared with. */
final class ResultTable {

    private static final String ROW = "%-34s %8s %9s %10s %19s %7s%n";

    private final List<Row> rows = new ArrayList<>();
    /** What a measurement counts: events, or the rows of an export. */
    private final String unit;

    ResultTable() {
        this("events");
    }

    ResultTable(String unit) {
        this.unit = unit;
    }

    private record Row(Measurement measurement, Measurement baseline) {}

    void add(Measurement path, Measurement baseline) {
        rows.add(new Row(path, baseline));
    }

    void addBaseline(Measurement baseline) {
        rows.add(new Row(baseline, null));
    }

    void print(PrintStream out) {
        out.printf(ROW, "path", unit, "seconds", unit + "/s", "baseline " + unit + "/s", "ratio");
        for (Row row : rows) {
            Measurement measured = row.measurement();
            Measurement baseline = row.baseline();
            out.printf(
                    ROW,
                    measured.path(),
                    String.format("%,d", measured.events()),
                    String.format("%.2f", measured.seconds()),
                    String.format("%,.0f", measured.eventsPerSecond()),
                    baseline == null ? "" : String.format("%,.0f", baseline.eventsPerSecond()),
                    baseline == null
                            ? ""
                            : String.format("%.3f", measured.eventsPerSecond() / baseline.eventsPerSecond()));
        }
    }
}
