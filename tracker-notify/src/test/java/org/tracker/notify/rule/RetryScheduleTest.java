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

    static final RetrySchedule SCHEDULE = new RetrySchedule(
            List.of(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30)), Duration.ofMinutes(1));

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
    void aScheduleHasAtLeastOnePauseAndNoneNegative() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySchedule(List.of(), Duration.ofMinutes(1)))
                .withMessage("a retry schedule has at least one pause");
        assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(null, Duration.ofMinutes(1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(-1)), Duration.ofMinutes(1)));
    }

    @Test
    void theFirstFailureWaitsTheFirstPause() {
        assertThat(SCHEDULE.wait(1, Optional.empty(), always(0.5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(SCHEDULE.wait(2, Optional.empty(), always(0.5))).isEqualTo(Duration.ofSeconds(15));
    }

    /** However long a destination fails, it is tried again at least every 36 s: found soon after it recovers. */
    @Test
    void theLastPauseRepeatsForAsLongAsTheFailuresLast() {
        for (int failures : new int[] {3, 4, 100, 10_000}) {
            assertThat(SCHEDULE.wait(failures, Optional.empty(), always(0.5))).isEqualTo(Duration.ofSeconds(30));
            assertThat(SCHEDULE.wait(failures, Optional.empty(), always(Math.nextDown(1.0))))
                    .isLessThanOrEqualTo(Duration.ofSeconds(36));
        }
    }

    @Test
    void onlyAFailureWaits() {
        assertThatIllegalArgumentException().isThrownBy(() -> SCHEDULE.wait(0, Optional.empty(), always(0.5)));
    }

    @Test
    void eachWaitIsSpreadByAtMostAFifthEitherWay() {
        SplittableRandom random = new SplittableRandom(20250310);
        for (int failures = 1; failures <= SCHEDULE.delays().size(); failures++) {
            long planned = SCHEDULE.delays().get(failures - 1).toMillis();
            for (int draw = 0; draw < 1_000; draw++) {
                assertThat(SCHEDULE.wait(failures, Optional.empty(), random))
                        .extracting(Duration::toMillis)
                        .satisfies(wait -> assertThat(wait).isBetween(planned * 4 / 5, planned * 6 / 5));
            }
        }
    }

    @Test
    void theSpreadReachesAFifthEitherWay() {
        assertThat(SCHEDULE.wait(3, Optional.empty(), always(0.0))).isEqualTo(Duration.ofSeconds(24));
        assertThat(SCHEDULE.wait(3, Optional.empty(), always(0.5))).isEqualTo(Duration.ofSeconds(30));
        assertThat(SCHEDULE.wait(3, Optional.empty(), always(Math.nextDown(1.0))))
                .isLessThanOrEqualTo(Duration.ofSeconds(36))
                .isGreaterThan(Duration.ofMillis(35_990));
    }

    /** Two seconds is longer than the five planned, even spread by a fifth. */
    @Test
    void aLongerRetryAfterIsHonoured() {
        assertThat(SCHEDULE.wait(1, Optional.of(Duration.ofSeconds(20)), always(Math.nextDown(1.0))))
                .isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aShorterRetryAfterDoesNotHurryTheSchedule() {
        assertThat(SCHEDULE.wait(2, Optional.of(Duration.ofSeconds(1)), always(0.5)))
                .isEqualTo(Duration.ofSeconds(15));
    }

    /** A receiver that asks for a day is tried again within a minute: its backlog is not held back for a day. */
    @Test
    void aRetryAfterLongerThanTheLongestAllowedWaitsTheLongest() {
        assertThat(SCHEDULE.wait(1, Optional.of(Duration.ofDays(1)), always(0.5)))
                .isEqualTo(Duration.ofMinutes(1));
    }
}
