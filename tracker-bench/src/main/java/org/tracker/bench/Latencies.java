package org.tracker.bench;

import java.util.Arrays;

/** Times in nanoseconds, sorted, and their percentiles by nearest rank. */
final class Latencies {

    private final long[] sorted;

    Latencies(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    long percentile(int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    /** As {@code p50 12.3 ms   p99 45.6 ms   max 78.9 ms}. */
    String summary() {
        return String.format("p50 %s   p99 %s   max %s", millis(percentile(50)), millis(percentile(99)), millis(max()));
    }

    static String millis(long nanos) {
        return String.format("%,.1f ms", nanos / 1e6);
    }
}
