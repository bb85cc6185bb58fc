package org.tracker.notify.send;

import java.time.Duration;
import java.util.Optional;
import org.tracker.notify.store.Attempt.Outcome;

/**
 * How one attempt went.
 *
 * @param statusCode the receiver's HTTP status, or null when none came
 * @param retryAfter how long the receiver asked the sender to wait, if it did
 * @param gone whether the receiver said the endpoint is gone for good (HTTP 410)
 */
record SendResult(
        Outcome outcome, Integer statusCode, Optional<Duration> retryAfter, boolean gone, String error, long millis) {

    static SendResult delivered(Integer statusCode, long millis) {
        return new SendResult(Outcome.DELIVERED, statusCode, Optional.empty(), false, null, millis);
    }

    static SendResult failed(Integer statusCode, Optional<Duration> retryAfter, String error, long millis) {
        return new SendResult(
                Outcome.FAILED, statusCode, retryAfter, statusCode != null && statusCode == 410, error, millis);
    }

    static SendResult refused(String error) {
        return new SendResult(Outcome.REFUSED, null, Optional.empty(), false, error, 0);
    }

    boolean succeeded() {
        return outcome == Outcome.DELIVERED;
    }
}
