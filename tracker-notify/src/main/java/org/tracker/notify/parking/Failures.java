package org.tracker.notify.parking;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells an outage, which passes and must park nothing, from a failure that lies in the event. Waiting out a failure
 * that was the event's stalls one batch a little longer; parking during an outage would set aside facts that were
 * fine, so anything that looks like an outage anywhere in the causes counts as one.
 */
final class Failures {

    /** Long enough for PostgreSQL's and Kafka's messages, short enough for a row and a log line. */
    static final int REASON_LENGTH = 2_000;

    private Failures() {}

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException
                    || cause instanceof RetriableException
                    || cause instanceof InterruptedException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** SQL state class 08: the connection failed or was lost. */
    private static boolean isConnectionState(String state) {
        return state != null && state.startsWith("08");
    }

    /**
     * The failure's class and message, and its deepest cause's when that says more, fit for a row and a log line:
     * control characters (PostgreSQL stores no U+0000, which may be the very cause) become spaces.
     */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure.getClass().getName() + ": " + failure.getMessage();
        if (root != failure) {
            text = text + " (caused by " + root.getClass().getName() + ": " + root.getMessage() + ")";
        }
        return bounded(text);
    }

    static String bounded(String text) {
        StringBuilder clean = new StringBuilder(Math.min(text.length(), REASON_LENGTH));
        text.codePoints().limit(REASON_LENGTH).forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return clean.length() > REASON_LENGTH ? clean.substring(0, REASON_LENGTH) : clean.toString();
    }
}
