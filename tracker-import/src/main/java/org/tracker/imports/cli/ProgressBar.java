package org.tracker.imports.cli;

import java.io.PrintStream;

/**
 * One line on the error stream, redrawn in place: files done of the total, events appended, files rejected. Standard
 * output stays free for the summary, so that it can be piped.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    /** Redrawing more often than this only costs the terminal time. */
    private static final long REDRAW_NANOS = 100_000_000;

    private final PrintStream err;
    private final int total;
    private boolean drawn;
    private long lastDrawn;

    ProgressBar(PrintStream err, int total) {
        this.err = err;
        this.total = total;
    }

    void show(int done, long eventsAppended, int rejected) {
        long now = System.nanoTime();
        if (drawn && done < total && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        drawn = true;
        lastDrawn = now;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        err.printf(
                "\r[%s%s] %d/%d files, %,d events appended%s",
                "#".repeat(filled),
                "-".repeat(WIDTH - filled),
                done,
                total,
                eventsAppended,
                rejected == 0 ? "" : ", " + rejected + " rejected");
        if (done == total) {
            err.println();
        }
        err.flush();
    }
}
