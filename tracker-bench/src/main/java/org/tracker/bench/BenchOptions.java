package org.tracker.bench;

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

    static BenchOptions parse(String[] args) {
        BenchArguments arguments = BenchArguments.parse(args, Map.of("events", "10000", "threads", "4"));
        return new BenchOptions(
                arguments.positiveInt("events"), arguments.positiveInt("threads"), arguments.trackerSettings());
    }
}
