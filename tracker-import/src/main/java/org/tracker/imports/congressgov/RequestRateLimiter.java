package org.tracker.imports.congressgov;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * Keeps requests within a published rate limit: at most so many in any window of the given length. It remembers when
 * each of the last requests went out and, before one more, waits until the oldest of them is a whole window ago. A
 * burst is allowed as long as the window holds it, so that a small poll is not slowed to the average rate.
 */
public final class RequestRateLimiter {

    /** How the limiter reads the time and waits; tests give their own, so that they do not wait an hour. */
    interface Ticker {
        long nanoTime();

        void sleep(long nanos) throws InterruptedException;
    }

    private static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };

    private final int requests;
    private final long windowNanos;
    private final Ticker ticker;
    private final Deque<Long> sentAt = new ArrayDeque<>();

    public RequestRateLimiter(int requests, Duration window) {
        this(requests, window, SYSTEM);
    }

    RequestRateLimiter(int requests, Duration window, Ticker ticker) {
        if (requests < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit allows at least one request in a window of some length");
        }
        this.requests = requests;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
    }

    /** The limit api.data.gov publishes for congress.gov: 5,000 requests an hour for one key. */
    public static RequestRateLimiter congressGov() {
        return new RequestRateLimiter(5_000, Duration.ofHours(1));
    }

    /**
     * Waits until one more request keeps within the limit, and counts it as sent. Callers queue behind a waiting one,
     * which is what they would have to do anyway.
     */
    public synchronized void acquire() throws InterruptedException {
        if (sentAt.size() == requests) {
            long wait = sentAt.peekFirst() + windowNanos - ticker.nanoTime();
            if (wait > 0) {
                ticker.sleep(wait);
            }
            sentAt.pollFirst();
        }
        sentAt.addLast(ticker.nanoTime());
    }
}
