package org.tracker.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** One row per fault: what became of the facts posted around it, and how long the tracker took to be whole again. */
final class FaultTable {

    private static final String ROW = "%-22s %7s %7s %7s %7s %9s %7s %5s %11s %7s %7s %8s%n";

    /**
     * @param acknowledged facts the API answered 2xx
     * @param stored, projected, alerted of the acknowledged facts, those in the event store, applied by the measure
     *     projection, and whose alert reached the receiver
     * @param late acknowledged facts not alerted yet whose alert waits for another attempt
     * @param repeatedIds deliveries the receiver accepted with a webhook-id it had accepted before
     * @param repeatedAlerts facts the receiver was told of under more than one webhook-id
     * @param recovery seconds from the fault's end (for a kill, from the kill) until facts posted then were projected
     *     and alerted; empty when that did not happen before the run moved on
     */
    record Row(
            String fault,
            double faultSeconds,
            int posted,
            int acknowledged,
            int stored,
            int projected,
            int alerted,
            int late,
            int repeatedIds,
            int repeatedAlerts,
            OptionalDouble recovery) {

        String lost() {
            return (acknowledged - stored) + "/" + (acknowledged - projected) + "/" + (acknowledged - alerted - late);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    void print(PrintStream out) {
        out.printf(
                ROW,
                "fault",
                "down s",
                "posted",
                "acked",
                "stored",
                "projected",
                "alerted",
                "late",
                "lost s/p/a",
                "dup ids",
                "dup alr",
                "recover s");
        for (Row row : rows) {
            out.printf(
                    ROW,
                    row.fault(),
                    String.format("%.1f", row.faultSeconds()),
                    String.format("%,d", row.posted()),
                    String.format("%,d", row.acknowledged()),
                    String.format("%,d", row.stored()),
                    String.format("%,d", row.projected()),
                    String.format("%,d", row.alerted()),
                    String.format("%,d", row.late()),
                    row.lost(),
                    String.format("%,d", row.repeatedIds()),
                    String.format("%,d", row.repeatedAlerts()),
                    row.recovery().isPresent()
                            ? String.format("%.1f", row.recovery().getAsDouble())
                            : "never");
        }
    }
}
