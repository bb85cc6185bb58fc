package org.tracker.bench;

/** So many events through one path in so many seconds. */
record Measurement(String path, long events, double seconds) {

    static Measurement since(String path, long events, long startNanos) {
        return new Measurement(path, events, (System.nanoTime() - startNanos) / 1e9);
    }

    double eventsPerSecond() {
        return events / seconds;
    }
}
