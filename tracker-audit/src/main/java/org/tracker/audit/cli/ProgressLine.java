package org.tracker.audit.cli;

import java.io.PrintStream;

/**
 * Progress of a long check on the error stream, so that standard output stays free for the result and can be piped.
 * On a terminal it is one line redrawn in place; written to a file or a log it is a new line every few seconds, since
 * a line redrawn five times a second is noise there.
 */
final class ProgressLine {

    /** Set by {@code ./tracker} when the error stream is a terminal. */
    static final String IN_PLACE = "tracker.progress.in-place";

    /** Redrawing more often than this only costs the terminal time. */
    private static final long REDRAW_NANOS = 200_000_000;

    private static final long LINE_NANOS = 5_000_000_000L;

    private final PrintStream err;
    private final boolean inPlace;
    private long lastDrawn;
    private boolean drawn;

    ProgressLine(PrintStream err, boolean inPlace) {
        this.err = err;
        this.inPlace = inPlace;
    }

    static ProgressLine onStandardError(PrintStream err) {
        return new ProgressLine(err, Boolean.getBoolean(IN_PLACE));
    }

    /** Verifying's progress; @param percent null when the total is not known */
    void showVerified(long events, Integer percent) {
        show(String.format("verifying: %,d events checked%s", events, percent == null ? "" : " (" + percent + "%)"));
    }

    void show(String line) {
        long now = System.nanoTime();
        if (drawn && now - lastDrawn < (inPlace ? REDRAW_NANOS : LINE_NANOS)) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        if (inPlace) {
            err.print("\r" + line);
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the line, if one was drawn in place, before anything else is printed. */
    void end() {
        if (drawn && inPlace) {
            err.println();
            err.flush();
        }
        drawn = false;
    }
}
