package org.tracker.core.api;

/**
 * A fact that cannot be true given what is already known (voting on a measure's second reading before it exists,
 * renewing a revoked waiver, ...). Nothing is recorded when it is thrown; the message tells a person what to fix.
 */
public class FactRejected extends RuntimeException {

    public FactRejected(String message) {
        super(message);
    }
}
