package org.tracker.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A benchmark's command line: {@code --key=value} for its own keys, which have defaults, and any other
 * {@code --key=value}, which goes to the tracker's Spring context so that a setting (a batch size, a producer option)
 * can be tried without a rebuild.
 */
record BenchArguments(Map<String, String> own, Map<String, String> trackerSettings) {

    /** @param defaults the benchmark's own keys and their default values */
    static BenchArguments parse(String[] args, Map<String, String> defaults) {
        Map<String, String> own = new LinkedHashMap<>(defaults);
        Map<String, String> trackerSettings = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 3) {
                throw new IllegalArgumentException("'" + arg + "' is not of the form --key=value");
            }
            String key = arg.substring(2, equals);
            String value = arg.substring(equals + 1);
            (defaults.containsKey(key) ? own : trackerSettings).put(key, value);
        }
        return new BenchArguments(Collections.unmodifiableMap(own), Collections.unmodifiableMap(trackerSettings));
    }

    int positiveInt(String key) {
        String value = own.get(key);
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
