package org.tracker.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages' figures: each page's time in the server and at the client, beside the time of the same SQL by plain
 * JDBC; the ratio is the page's p50 in the server over its SQL's p50.
 */
final class LatencyTable {

    private static final String ROW = "%-34s %7s %8s %8s %8s %8s %8s %8s %8s %7s%n";

    /** One page: its answers' size, and its server, client and SQL times. */
    record Row(String page, long bytes, Latencies server, Latencies client, Latencies sql) {}

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    void print(PrintStream out) {
        out.printf(
                ROW, "page", "KB", "srv p50", "srv p99", "srv max", "cli p50", "cli p99", "SQL p50", "SQL p99",
                "ratio");
        for (Row row : rows) {
            out.printf(
                    ROW,
                    row.page(),
                    String.format("%,.1f", row.bytes() / 1024.0),
                    ms(row.server().percentile(50)),
                    ms(row.server().percentile(99)),
                    ms(row.server().max()),
                    ms(row.client().percentile(50)),
                    ms(row.client().percentile(99)),
                    ms(row.sql().percentile(50)),
                    ms(row.sql().percentile(99)),
                    String.format(
                            "%.1f",
                            (double) row.server().percentile(50) / row.sql().percentile(50)));
        }
        out.println("times in ms; srv = in the tracker's servlet filter chain, cli = the client's round trip over"
                + " loopback, SQL = the page's statements by plain JDBC; ratio = srv p50 / SQL p50");
    }

    private static String ms(long nanos) {
        return String.format("%,.2f", nanos / 1e6);
    }
}
