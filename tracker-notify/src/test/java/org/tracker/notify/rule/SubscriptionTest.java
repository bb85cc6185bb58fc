package org.tracker.notify.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.MeasureKind;

class SubscriptionTest {

    static final Instant CREATED = Instant.parse("2025-03-10T12:00:00Z");
    static final Follow THE_BILL = new Follow(Facts.BILL, null, null, null);
    static final Condition STATUS_CHANGED = new Condition(Trigger.STATUS_CHANGED, null, null);
    static final UUID WEBHOOK = UUID.fromString("6f1c2d9e-5b1a-4c59-9a53-0d6d8f3e7a21");

    final Measures measures = new Measures();

    static Subscription subscription(Follow follow, List<Condition> when, String email, UUID webhook, String name) {
        return new Subscription(
                UUID.fromString("0b7e3c52-21a4-4f0e-8d77-3f5b6c1a9e10"),
                "staffer",
                name,
                follow,
                when,
                null,
                email,
                webhook,
                false,
                CREATED);
    }

    static Subscription subscription(Follow follow, Condition... when) {
        return subscription(follow, List.of(when), "staffer@mail.house.gov", null, "H.R. 1229");
    }

    static MeasureState armsSaleClosingOn(LocalDate reviewClosesOn) {
        Measures notifiedLongBefore = new Measures();
        notifiedLongBefore.record("event-1", Facts.armsSale(reviewClosesOn, CREATED.minus(Duration.ofDays(40))));
        return notifiedLongBefore.get(Facts.ARMS_SALE);
    }

    @Test
    void aSubscriptionNeedsSomethingToFollow() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> subscription(null, STATUS_CHANGED))
                .withMessage("A subscription needs 'follow': what to follow.");
    }

    @Test
    void aSubscriptionNeedsAtLeastOneCondition() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> subscription(THE_BILL, List.of(), "staffer@mail.house.gov", null, null))
                .withMessage("A subscription needs 'when': at least one condition.");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> subscription(THE_BILL, null, "staffer@mail.house.gov", null, null))
                .withMessage("A subscription needs 'when': at least one condition.");
    }

    @Test
    void aSubscriptionNeedsSomewhereToSendAlerts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> subscription(THE_BILL, List.of(STATUS_CHANGED), null, null, null))
                .withMessage("A subscription needs 'email', 'webhook' or both: where to send alerts.");
        assertThat(subscription(THE_BILL, List.of(STATUS_CHANGED), null, WEBHOOK, null)
                        .webhook())
                .isEqualTo(WEBHOOK);
    }

    @Test
    void anEmailMustBeAnAddress() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> subscription(THE_BILL, List.of(STATUS_CHANGED), "staffer at house", null, null))
                .withMessage("'staffer at house' is not an email address.");
        String tooLong = "a".repeat(250) + "@x.gov";
        assertThatIllegalArgumentException()
                .isThrownBy(() -> subscription(THE_BILL, List.of(STATUS_CHANGED), tooLong, null, null))
                .withMessage("'" + tooLong + "' is not an email address.");
    }

    @Test
    void aNameHasAtMost200Characters() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> subscription(
                        THE_BILL, List.of(STATUS_CHANGED), "staffer@mail.house.gov", null, "n".repeat(201)))
                .withMessage("A subscription's name has at most 200 characters.");
        assertThat(subscription(THE_BILL, List.of(STATUS_CHANGED), "staffer@mail.house.gov", null, "n".repeat(200))
                        .name())
                .hasSize(200);
    }

    @Test
    void aSubscriptionWithoutScheduleIsRealtime() {
        assertThat(subscription(THE_BILL, STATUS_CHANGED).schedule()).isEqualTo(Schedule.REALTIME);
    }

    @Test
    void aSubscriptionSelectsWhatItFollowsWhenAConditionHolds() {
        Subscription subscription = subscription(THE_BILL, STATUS_CHANGED);
        measures.record("event-1", Facts.introduced(CREATED));

        Change referred = measures.record("event-2", Facts.referred(CREATED)).get(0);
        Change action = measures.record("event-3", Facts.actionRecorded(Facts.referral(), CREATED))
                .get(0);

        MeasureState bill = measures.get(Facts.BILL);
        assertThat(subscription.selects(referred, bill, Facts.referred(CREATED)))
                .isTrue();
        assertThat(subscription.selects(action, bill, Facts.actionRecorded(Facts.referral(), CREATED)))
                .isFalse();
        assertThat(subscription(new Follow("hr7645-119", null, null, null), STATUS_CHANGED)
                        .selects(referred, bill, Facts.referred(CREATED)))
                .isFalse();
    }

    /** Replaying history to a new subscription must tell nobody of old news. */
    @Test
    void aSubscriptionNeverAlertsOnFactsLearnedBeforeItWasCreated() {
        Subscription everything = subscription(THE_BILL, new Condition(Trigger.ANY_FACT, null, null));
        Instant justBefore = CREATED.minusMillis(1);

        Change introduced =
                measures.record("event-1", Facts.introduced(justBefore)).get(0);
        Change referred = measures.record("event-2", Facts.referred(CREATED)).get(0);

        MeasureState bill = measures.get(Facts.BILL);
        assertThat(everything.selects(introduced, bill, Facts.introduced(justBefore)))
                .isFalse();
        assertThat(everything.selects(referred, bill, Facts.referred(CREATED))).isTrue();
    }

    @Test
    void aDeadlineAlreadyNearWhenTheSubscriptionIsCreatedStillAlerts() {
        Subscription nearDeadlines = subscription(
                new Follow(null, MeasureKind.ARMS_SALE, null, null),
                new Condition(Trigger.DEADLINE_APPROACHING, null, 5));
        MeasureState armsSale = armsSaleClosingOn(LocalDate.of(2025, 3, 12));

        Change approaching =
                Deadlines.at(armsSale.row(), CREATED.plusSeconds(60)).orElseThrow();

        assertThat(nearDeadlines.selects(approaching, armsSale, null)).isTrue();
    }

    /** Created at noon on the 10th: the 9th's deadline passed before, the 10th's passes at the end of that day. */
    @Test
    void aPassedDeadlineAlertsOnlyIfItPassedAfterTheSubscriptionWasCreated() {
        Subscription passedDeadlines = subscription(
                new Follow(null, MeasureKind.ARMS_SALE, null, null),
                new Condition(Trigger.DEADLINE_PASSED, null, null));
        Instant dayAfter = Instant.parse("2025-03-11T12:00:00Z");
        MeasureState closedOnThe9th = armsSaleClosingOn(LocalDate.of(2025, 3, 9));
        MeasureState closedOnThe10th = armsSaleClosingOn(LocalDate.of(2025, 3, 10));

        Change passedBefore = Deadlines.at(closedOnThe9th.row(), dayAfter).orElseThrow();
        Change passedAfter = Deadlines.at(closedOnThe10th.row(), dayAfter).orElseThrow();

        assertThat(passedBefore.trigger()).isEqualTo(Trigger.DEADLINE_PASSED);
        assertThat(passedDeadlines.selects(passedBefore, closedOnThe9th, null)).isFalse();
        assertThat(passedAfter.trigger()).isEqualTo(Trigger.DEADLINE_PASSED);
        assertThat(passedDeadlines.selects(passedAfter, closedOnThe10th, null)).isTrue();
    }

    @Test
    void aPausedSubscriptionAlertsNothingUntilResumed() {
        Subscription subscription = subscription(THE_BILL, new Condition(Trigger.ANY_FACT, null, null));
        Change introduced =
                measures.record("event-1", Facts.introduced(CREATED)).get(0);
        MeasureState bill = measures.get(Facts.BILL);

        Subscription paused = subscription.paused(true);

        assertThat(paused.selects(introduced, bill, Facts.introduced(CREATED))).isFalse();
        assertThat(paused.paused(false)).isEqualTo(subscription);
        assertThat(paused.paused(false).selects(introduced, bill, Facts.introduced(CREATED)))
                .isTrue();
    }

    @Test
    void aSubscriptionWantsDeadlinesWhenAConditionIsAboutTimePassing() {
        assertThat(subscription(THE_BILL, STATUS_CHANGED).wantsDeadlines()).isFalse();
        assertThat(subscription(THE_BILL, new Condition(Trigger.ANY_FACT, null, null))
                        .wantsDeadlines())
                .isFalse();
        assertThat(subscription(THE_BILL, STATUS_CHANGED, new Condition(Trigger.DEADLINE_PASSED, null, null))
                        .wantsDeadlines())
                .isTrue();
    }
}
