package org.tracker.imports.cli;

import java.io.PrintStream;

/**
 * Files done of the total, events appended, files rejected, on the error stream, so that standard output stays free
 * for the summary and can be piped. On a terminal it is one line redrawn in place; written to a file or a log it is
 * a new line every few seconds, since a line redrawn ten times a second is noise there.
 */
final class ProgressBar {

    /** Set by {@code ./tracker} when the error stream is a terminal. */
    static final String IN_PLACE = "tracker.progress.in-place";

    private static final int WIDTH = 30;
    /** Redrawing more often than this only costs the terminal time. */
    private static final long REDRAW_NANOS = 100_000_000;

    private static final long LINE_NANOS = 5_000_000_000L;

    private final PrintStream err;
    private final int total;
    private final boolean inPlace;
    private boolean drawn;
    private long lastDrawn;

    ProgressBar(PrintStream err, int total, boolean inPlace) {
        this.err = err;
        this.total = total;
        this.inPlace = inPlace;
    }

    static ProgressBar onStandardError(PrintStream err, int total) {
        return new ProgressBar(err, total, Boolean.getBoolean(IN_PLACE));
    }

    void show(int done, long eventsAppended, int rejected) {
        long now = System.nanoTime();
        if (drawn && done < total && now - lastDrawn < (inPlace ? REDRAW_NANOS : LINE_NANOS)) {
            return;
        }
        drawn = true;
        lastDrawn = now;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        err.printf(
                "%s[%s%s] %d/%d files, %,d events appended%s",
                inPlace ? "\r" : "",
                "#".repeat(filled),
                "-".repeat(WIDTH - filled),
                done,
                total,
                eventsAppended,
                rejected == 0 ? "" : ", " + rejected + " rejected");
        if (done == total || !inPlace) {
            err.println();
        }
        err.flush();
    }
}
