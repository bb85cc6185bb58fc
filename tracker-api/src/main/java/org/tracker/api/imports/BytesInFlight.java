package org.tracker.api.imports;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.tracker.api.config.TrackerProperties;

/**
 * The request bodies that imports over HTTP hold at once, in bytes, up to {@code tracker.import.max-bytes-in-flight}:
 * each request alone is bounded, but eight large ones at once exhausted the heap. A request that does not fit is not
 * queued, which would hold its thread and connection, but asked to come back.
 */
@Component
class BytesInFlight {

    /** Long enough for an import of the largest file to finish on a busy 2-core machine. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Semaphore available;

    BytesInFlight(ImportProperties imports, TrackerProperties tracker) {
        long capacity = imports.maxBytesInFlight();
        long largestRequest = Math.max(tracker.maxImportBytes(), imports.maxFileBytes());
        if (capacity < largestRequest || capacity > Integer.MAX_VALUE) {
            throw new IllegalStateException("tracker.import.max-bytes-in-flight is " + capacity + "; it must be at"
                    + " least tracker.max-import-bytes and tracker.import.max-file-bytes (" + largestRequest
                    + "), or some imports could never start, and below 2 GiB");
        }
        this.available = new Semaphore((int) capacity);
    }

    /** A reservation that must be closed once the request's body is no longer held. */
    interface Reservation extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * @param bytes at most the capacity, which the limits on a request's body ensure
     * @throws ErrorResponseException 503 with {@code Retry-After} when the bytes are not available now
     */
    Reservation reserve(long bytes) {
        int permits = (int) bytes;
        if (!available.tryAcquire(permits)) {
            throw busy();
        }
        return () -> available.release(permits);
    }

    private static ErrorResponseException busy() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Other imports hold as many bytes as the tracker reads at once; send this one again in "
                        + RETRY_AFTER.toSeconds() + " seconds.");
        problem.setType(URI.create("/problems/imports-busy"));
        problem.setTitle("Too many imports at once");
        ErrorResponseException busy = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        busy.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        return busy;
    }
}
