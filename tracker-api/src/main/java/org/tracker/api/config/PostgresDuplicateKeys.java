package org.tracker.api.config;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon's event store that PostgreSQL refused an append for a key already taken: two instances appended the same
 * sequence of one measure. Axon's default resolver matches vendor error codes, which PostgreSQL's driver leaves at 0,
 * so such a race surfaced as a generic store failure (a 500) instead of the {@code ConcurrencyException} that the
 * gateway retries and the API answers with 409.
 */
final class PostgresDuplicateKeys implements PersistenceExceptionResolver {

    /** PostgreSQL's SQLSTATE for unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && uniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    /** A refused batch reports its statements' own failures as the exceptions chained after it. */
    private static boolean uniqueViolation(SQLException failure) {
        for (SQLException next = failure; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
