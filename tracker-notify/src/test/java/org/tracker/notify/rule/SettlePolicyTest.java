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

    static Attempted failed(int attemptsMade, Optional<Duration> retryAfter, boolean gone, Instant failingSince) {
        return new Attempted(AT, attemptsMade, false, ERROR, retryAfter, gone, failingSince);
    }

    @Test
    void aSuccessIsDoneWhenTheAnswerCame() {
        Attempted succeeded = new Attempted(AT, 3, true, null, Optional.empty(), false, null);

        assertThat(POLICY.after(succeeded, ANSWERED, always(0.5))).isEqualTo(new Delivered(ANSWERED));
    }

    @Test
    void aFailureIsTriedAgainAsTheScheduleSaysCountedFromTheAnswer() {
        assertThat(POLICY.after(failed(2, Optional.empty(), false, null), ANSWERED, always(0.5)))
                .isEqualTo(new Retry(ANSWERED.plus(Duration.ofMinutes(5))));
    }

    @Test
    void aLongerRetryAfterIsHonoured() {
        assertThat(POLICY.after(failed(1, Optional.of(Duration.ofMinutes(2)), false, AT), ANSWERED, always(0.5)))
                .isEqualTo(new Retry(ANSWERED.plus(Duration.ofMinutes(2))));
    }

    @Test
    void aDeliveryIsGivenUpOnceTheScheduleHasNoAttemptLeft() {
        assertThat(POLICY.after(failed(8, Optional.of(Duration.ofMinutes(1)), false, null), ANSWERED, always(0.5)))
                .isEqualTo(new GiveUp(ERROR + " (no attempts left)", true, null));
    }

    @Test
    void goneGivesUpAndDisablesTheEndpointWhateverAttemptsAreLeft() {
        assertThat(POLICY.after(failed(1, Optional.empty(), true, null), ANSWERED, always(0.5)))
                .isEqualTo(new GiveUp(ERROR, true, "the receiver answered 410 Gone"));
    }

    @Test
    void anEndpointThatHasFailedEveryAttemptForTheWholeSpanIsDisabled() {
        Instant failingSince = AT.minus(Duration.ofDays(5));

        assertThat(POLICY.after(failed(2, Optional.empty(), false, failingSince), ANSWERED, always(0.5)))
                .isEqualTo(new GiveUp(ERROR, true, "it has failed every attempt since " + failingSince));
    }

    @Test
    void anEndpointFailingForLessThanTheSpanIsTriedAgain() {
        Instant failingSince = AT.minus(Duration.ofDays(5)).plusMillis(1);

        assertThat(POLICY.after(failed(2, Optional.empty(), false, failingSince), ANSWERED, always(0.5)))
                .isInstanceOf(Retry.class);
    }
}
