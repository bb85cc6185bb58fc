package org.tracker.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;

/** The command line of {@code ./tracker bench faults}. */
record FaultOptions(
        List<Fault> faults,
        int rate,
        Duration before,
        Duration after,
        Duration brokerDown,
        Duration databaseDown,
        Duration receiverDown,
        Duration settle,
        Map<String, String> trackerSettings) {

    static final String USAGE =
            """
            usage: ./tracker bench faults [--scenarios=none,kill,broker-stop,broker-kill,database,receiver]
                                          [--receiver-down=120s] [--rate=25] [--settle=90s] [--spring.or.tracker.property=value ...]
              --scenarios       which faults, in this order (default all): none (a baseline without a fault), kill (kill -9
                                of tracker b, then its restart), broker-stop (SIGTERM to the broker, started again after
                                --broker-down), broker-kill (kill -9 of the broker, the same), database (PostgreSQL stopped
                                for --database-down), receiver (the webhook receiver answers 503 for --receiver-down)
              --receiver-down   how long the receiver answers 503 (default 120s)
              --broker-down     how long the broker stays down (default 20s)
              --database-down   how long PostgreSQL stays down (default 15s)
              --rate            facts posted per second, in turn to each instance (default 25)
              --before, --after how long facts are posted before the fault and after it ends (default 20s each)
              --settle          how long to wait after the last post for every fact to be stored, projected and alerted
                                (default 90s)
              durations take a unit: 500ms, 30s, 2m""";

    static FaultOptions parse(String[] args) {
        BenchArguments arguments = BenchArguments.parse(
                args,
                Map.of(
                        "scenarios",
                                String.join(
                                        ",",
                                        Arrays.stream(Fault.values())
                                                .map(Fault::key)
                                                .toList()),
                        "rate", "25",
                        "before", "20s",
                        "after", "20s",
                        "broker-down", "20s",
                        "database-down", "15s",
                        "receiver-down", "120s",
                        "settle", "90s"));
        List<Fault> faults = new ArrayList<>();
        for (String key : arguments.own().get("scenarios").split(",")) {
            faults.add(Fault.of(key.trim()));
        }
        return new FaultOptions(
                List.copyOf(faults),
                arguments.positiveInt("rate"),
                duration(arguments, "before"),
                duration(arguments, "after"),
                duration(arguments, "broker-down"),
                duration(arguments, "database-down"),
                duration(arguments, "receiver-down"),
                duration(arguments, "settle"),
                arguments.trackerSettings());
    }

    private static Duration duration(BenchArguments arguments, String key) {
        String value = arguments.own().get(key);
        try {
            Duration duration = DurationStyle.detectAndParse(value);
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (IllegalArgumentException e) {
            // Answered below, with the same message as a negative duration.
        }
        throw new IllegalArgumentException("--" + key + " must be a duration such as 30s or 2m, not '" + value + "'");
    }

    /** The faults a run can inject, each named on the command line by its key. */
    enum Fault {
        NONE("none"),
        KILL("kill"),
        BROKER_STOP("broker-stop"),
        BROKER_KILL("broker-kill"),
        DATABASE("database"),
        RECEIVER("receiver");

        private final String key;

        Fault(String key) {
            this.key = key;
        }

        String key() {
            return key;
        }

        static Fault of(String key) {
            return Arrays.stream(values())
                    .filter(fault -> fault.key.equals(key))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--scenarios: no scenario '" + key + "'"));
        }
    }
}
