package org.tracker.imports.congressgov;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    /** A clock that moves only when the limiter waits, or when the test says. */
    private static final class TestTicker implements RequestRateLimiter.Ticker {
        long now = 7 * SECOND;
        final List<Long> waits = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            waits.add(nanos);
            now += nanos;
        }
    }

    private final TestTicker ticker = new TestTicker();
    private final RequestRateLimiter limiter = new RequestRateLimiter(3, Duration.ofSeconds(10), ticker);

    @Test
    void letsABurstThroughAsLongAsTheWindowHoldsIt() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            limiter.acquire();
        }

        assertThat(ticker.waits).isEmpty();
    }

    @Test
    void waitsUntilTheOldestRequestIsAWholeWindowAgo() throws InterruptedException {
        limiter.acquire();
        ticker.now += 4 * SECOND;
        limiter.acquire();
        limiter.acquire();

        limiter.acquire();
        assertThat(ticker.waits).containsExactly(6 * SECOND);

        limiter.acquire();
        assertThat(ticker.waits)
                .as("the second request was 4 s after the first")
                .containsExactly(6 * SECOND, 4 * SECOND);
    }

    @Test
    void doesNotWaitOnceTheWindowHasPassed() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            limiter.acquire();
        }
        ticker.now += 11 * SECOND;

        limiter.acquire();

        assertThat(ticker.waits).isEmpty();
    }

    @Test
    void neverLetsMoreThanTheLimitThroughInAnyWindow() throws InterruptedException {
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            limiter.acquire();
            sent.add(ticker.now);
            ticker.now += (i % 4) * SECOND / 2;
        }

        for (int i = 3; i < sent.size(); i++) {
            assertThat(sent.get(i) - sent.get(i - 3)).isGreaterThanOrEqualTo(10 * SECOND);
        }
    }

    @Test
    void congressGovAllowsFiveThousandAnHour() throws InterruptedException {
        RequestRateLimiter congressGov = RequestRateLimiter.congressGov();
        for (int i = 0; i < 5_000; i++) {
            congressGov.acquire();
        }
    }
}
