package org.tracker.notify.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tracker.notify.rule.RetryScheduleTest.SCHEDULE;
import static org.tracker.notify.rule.RetryScheduleTest.always;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tracker.notify.rule.SettlePolicy.Attempted;
import org.tracker.notify.rule.Settlement.Delivered;
import org.tracker.notify.rule.Settlement.GiveUp;
import org.tracker.notify.rule.Settlement.Retry;

class SettlePolicyTest {

    static final SettlePolicy POLICY = new SettlePolicy(SCHEDULE, Duration.ofDays(5));
    static final Instant AT = Instant.parse("2026-03-02T15:00:00Z");
    static final Instant ANSWERED = AT.plusSeconds(3);
    static final String ERROR = "the receiver answered HTTP 503";

    static Attempted failed(Optional<Duration> retryAfter, boolean gone, Instant failingSince, int failures) {
        return new Attempted(AT, false, ERROR, retryAfter, gone, failingSince, failures);
    }

    @Test
    void aSuccessIsDoneWhenTheAnswerCame() {
        Attempted succeeded = new Attempted(AT, true, null, Optional.empty(), false, AT.minusSeconds(90), 3);

        assertThat(POLICY.after(succeeded, ANSWERED, always(0.5))).isEqualTo(new Delivered(ANSWERED));
    }

    @Test
    void aFirstFailureTriesTheSameDeliveryAgainAfterTheFirstPauseCountedFromTheAnswer() {
        assertThat(POLICY.after(failed(Optional.empty(), false, null, 0), ANSWERED, always(0.5)))
                .isEqualTo(new Retry(ANSWERED.plusSeconds(5)));
    }

    @Test
    void aDestinationThatKeepsFailingIsTriedAgainEveryLastPause() {
        assertThat(POLICY.after(
                        failed(Optional.empty(), false, AT.minus(Duration.ofHours(30)), 3000), ANSWERED, always(0.5)))
                .isEqualTo(new Retry(ANSWERED.plusSeconds(30)));
    }

    @Test
    void aLongerRetryAfterIsHonoured() {
        assertThat(POLICY.after(failed(Optional.of(Duration.ofSeconds(50)), false, AT, 1), ANSWERED, always(0.5)))
                .isEqualTo(new Retry(ANSWERED.plusSeconds(50)));
    }

    /** The operators' complaint: deliveries failed for good after about 27.6 hours, the endpoint only after 5 days. */
    @Test
    void noDeliveryIsGivenUpWhileItsDestinationHasFailedForLessThanTheDisablePeriod() {
        for (Duration failing : new Duration[] {
            Duration.ZERO,
            Duration.ofHours(28),
            Duration.ofDays(4),
            Duration.ofDays(5).minusMillis(1)
        }) {
            assertThat(POLICY.after(failed(Optional.empty(), false, AT.minus(failing), 10_000), ANSWERED, always(0.5)))
                    .as("failing for %s", failing)
                    .isInstanceOf(Retry.class);
        }
    }

    @Test
    void aDestinationThatHasFailedEveryAttemptForTheDisablePeriodIsGivenUpWithAllThatWaitForIt() {
        Instant failingSince = AT.minus(Duration.ofDays(5));

        assertThat(POLICY.after(failed(Optional.empty(), false, failingSince, 14_000), ANSWERED, always(0.5)))
                .isEqualTo(new GiveUp("it has failed every attempt since " + failingSince));
    }

    @Test
    void goneGivesUpAtOnceHoweverRecentTheFailures() {
        assertThat(POLICY.after(failed(Optional.empty(), true, null, 0), ANSWERED, always(0.5)))
                .isEqualTo(new GiveUp("the receiver answered 410 Gone"));
    }
}
