package org.tracker.core.api;

/** Checks of incoming facts that fail as invalid input, never as a programming error. */
public final class Require {

    private Require() {}

    /** @throws IllegalArgumentException with the given message when the value is missing */
    public static <T> T present(T value, String message) {
        if (value == null) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }
}
