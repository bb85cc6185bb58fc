package org.tracker.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line: {@code --events=N} commands per command-path measurement, {@code --threads=T} for the concurrent
 * one, and any other {@code --key=value}, which goes to the tracker's Spring contexts so that a setting (a batch
 * size, a producer option) can be tried without a rebuild.
 */
record BenchOptions(int events, int threads, Map<String, String> trackerSettings) {

    static final String USAGE =
            """
            usage: ./tracker bench [--events=N] [--threads=T] [--spring.or.tracker.property=value ...]
              --events   commands sent by each command-path measurement (default 10000, rounded up to whole bills of 10)
              --threads  threads of the concurrent command-path measurement (default 4)
              anything else is passed to the tracker, e.g. --tracker.relay-batch-size=2000""";

    private static final int DEFAULT_EVENTS = 10_000;
    private static final int DEFAULT_THREADS = 4;

    static BenchOptions parse(String[] args) {
        int events = DEFAULT_EVENTS;
        int threads = DEFAULT_THREADS;
        Map<String, String> trackerSettings = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 3) {
                throw new IllegalArgumentException("'" + arg + "' is not of the form --key=value");
            }
            String key = arg.substring(2, equals);
            String value = arg.substring(equals + 1);
            switch (key) {
                case "events" -> events = positive(key, value);
                case "threads" -> threads = positive(key, value);
                default -> trackerSettings.put(key, value);
            }
        }
        return new BenchOptions(events, threads, Collections.unmodifiableMap(trackerSettings));
    }

    private static int positive(String key, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Answered below, with the same message as a number that is not positive.
        }
        throw new IllegalArgumentException("--" + key + " must be a positive whole number, not '" + value + "'");
    }
}
