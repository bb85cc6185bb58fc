package org.tracker.notify.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    static final RetrySchedule SCHEDULE = new RetrySchedule(List.of(
            Duration.ZERO,
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10)));

    /** A generator that always draws the same fraction, to reach the edges of the jitter. */
    static RandomGenerator always(double fraction) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only fractions are drawn");
            }

            @Override
            public double nextDouble() {
                return fraction;
            }
        };
    }

    @Test
    void aScheduleHasAtLeastOneAttempt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySchedule(List.of()))
                .withMessage("a retry schedule has at least one attempt");
        assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(null));
    }

    @Test
    void theFirstAttemptIsImmediate() {
        assertThat(SCHEDULE.next(0, Optional.empty(), new SplittableRandom(1))).hasValue(Duration.ZERO);
    }

    @Test
    void eachWaitIsSpreadByAtMostAFifthEitherWay() {
        SplittableRandom random = new SplittableRandom(20250310);
        for (int attemptsMade = 1; attemptsMade < SCHEDULE.attempts(); attemptsMade++) {
            long planned = SCHEDULE.delays().get(attemptsMade).toMillis();
            for (int draw = 0; draw < 1_000; draw++) {
                assertThat(SCHEDULE.next(attemptsMade, Optional.empty(), random))
                        .get()
                        .extracting(Duration::toMillis)
                        .satisfies(wait -> assertThat(wait).isBetween(planned * 4 / 5, planned * 6 / 5));
            }
        }
    }

    @Test
    void theSpreadReachesAFifthEitherWay() {
        assertThat(SCHEDULE.next(2, Optional.empty(), always(0.0))).hasValue(Duration.ofMinutes(4));
        assertThat(SCHEDULE.next(2, Optional.empty(), always(0.5))).hasValue(Duration.ofMinutes(5));
        assertThat(SCHEDULE.next(2, Optional.empty(), always(Math.nextDown(1.0))))
                .get()
                .satisfies(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(6)))
                .satisfies(wait -> assertThat(wait).isGreaterThan(Duration.ofSeconds(359)));
    }

    /** Two minutes is longer than the five seconds planned, even spread by a fifth. */
    @Test
    void aLongerRetryAfterIsHonoured() {
        assertThat(SCHEDULE.next(1, Optional.of(Duration.ofMinutes(2)), always(Math.nextDown(1.0))))
                .hasValue(Duration.ofMinutes(2));
    }

    @Test
    void aShorterRetryAfterDoesNotHurryTheSchedule() {
        assertThat(SCHEDULE.next(2, Optional.of(Duration.ofSeconds(1)), always(0.5)))
                .hasValue(Duration.ofMinutes(5));
    }

    @Test
    void noAttemptIsLeftOnceTheScheduleRunsOut() {
        assertThat(SCHEDULE.attempts()).isEqualTo(8);
        assertThat(SCHEDULE.next(7, Optional.empty(), always(0.5))).hasValue(Duration.ofHours(10));
        assertThat(SCHEDULE.next(8, Optional.empty(), always(0.5))).isEmpty();
        assertThat(SCHEDULE.next(8, Optional.of(Duration.ofMinutes(1)), always(0.5)))
                .isEmpty();
    }
}
