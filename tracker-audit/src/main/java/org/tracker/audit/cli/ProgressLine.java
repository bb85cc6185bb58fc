package org.tracker.audit.cli;

import java.io.PrintStream;

/**
 * One line on the error stream, redrawn in place while a long check runs. Standard output stays free for the result,
 * so that it can be piped.
 */
final class ProgressLine {

    /** Redrawing more often than this only costs the terminal time. */
    private static final long REDRAW_NANOS = 200_000_000;

    private final PrintStream err;
    private long lastDrawn = Long.MIN_VALUE;
    private boolean drawn;

    ProgressLine(PrintStream err) {
        this.err = err;
    }

    /** Verifying's progress; @param percent null when the total is not known */
    void showVerified(long events, Integer percent) {
        show(String.format("verifying: %,d events checked%s", events, percent == null ? "" : " (" + percent + "%)"));
    }

    void show(String line) {
        long now = System.nanoTime();
        if (drawn && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        err.print("\r" + line);
        err.flush();
    }

    /** Ends the line, if one was drawn, before anything else is printed. */
    void end() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}
