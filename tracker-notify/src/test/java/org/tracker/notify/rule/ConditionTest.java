package org.tracker.notify.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionTest {

    static Change change(Trigger trigger, String to, Integer daysLeft) {
        return new Change(
                trigger,
                Facts.BILL,
                "a change",
                null,
                to,
                LocalDate.of(2025, 3, 10),
                Instant.parse("2025-03-03T15:00:00Z"),
                Facts.SOURCE,
                trigger.fromTimePassing() ? null : "event-1",
                daysLeft);
    }

    @Test
    void aConditionNamesWhatItIsOnAndListsTheChoices() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Condition(null, null, null))
                .withMessageStartingWith("Each condition needs 'on': one of [STATUS_CHANGED, VOTE_RECORDED,")
                .withMessageContaining("ANY_FACT]");
    }

    @Test
    void intoIsOnlyForStatusChanges() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Condition(Trigger.VOTE_RECORDED, Set.of("ENACTED:SIGNED"), null))
                .withMessage("'into' applies only to STATUS_CHANGED.");
    }

    @Test
    void anApproachingDeadlineNeedsWithinDaysFromZeroToAYear() {
        for (Integer withinDays : new Integer[] {null, -1, 367}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Condition(Trigger.DEADLINE_APPROACHING, null, withinDays))
                    .withMessage("DEADLINE_APPROACHING needs 'withinDays' from 0 to 366.");
        }
        assertThat(new Condition(Trigger.DEADLINE_APPROACHING, null, 0).withinDays())
                .isZero();
        assertThat(new Condition(Trigger.DEADLINE_APPROACHING, null, 366).withinDays())
                .isEqualTo(366);
    }

    @Test
    void withinDaysIsOnlyForApproachingDeadlines() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Condition(Trigger.DEADLINE_PASSED, null, 3))
                .withMessage("'withinDays' applies only to DEADLINE_APPROACHING.");
    }

    @Test
    void noIntoMeansNoStatuses() {
        assertThat(new Condition(Trigger.STATUS_CHANGED, null, null).into()).isEmpty();
    }

    @Test
    void aStatusConditionWithoutIntoSelectsEveryStatusChange() {
        Condition condition = new Condition(Trigger.STATUS_CHANGED, Set.of(), null);

        assertThat(condition.selects(change(Trigger.STATUS_CHANGED, "REFERRED", null)))
                .isTrue();
        assertThat(condition.selects(change(Trigger.STATUS_CHANGED, "ENACTED:SIGNED", null)))
                .isTrue();
    }

    @Test
    void aStatusConditionWithIntoSelectsOnlyChangesIntoThoseStatuses() {
        Condition condition = new Condition(Trigger.STATUS_CHANGED, Set.of("PASS_OVER:HOUSE", "ENACTED:SIGNED"), null);

        assertThat(condition.selects(change(Trigger.STATUS_CHANGED, "ENACTED:SIGNED", null)))
                .isTrue();
        assertThat(condition.selects(change(Trigger.STATUS_CHANGED, "REFERRED", null)))
                .isFalse();
    }

    @Test
    void anApproachingDeadlineIsSelectedFromWithinDaysBeforeIt() {
        Condition condition = new Condition(Trigger.DEADLINE_APPROACHING, null, 3);

        assertThat(condition.selects(change(Trigger.DEADLINE_APPROACHING, "review closes", 4)))
                .isFalse();
        assertThat(condition.selects(change(Trigger.DEADLINE_APPROACHING, "review closes", 3)))
                .isTrue();
        assertThat(condition.selects(change(Trigger.DEADLINE_APPROACHING, "review closes", 0)))
                .isTrue();
    }

    @Test
    void aConditionSelectsOnlyChangesOfItsOwnKind() {
        Condition votes = new Condition(Trigger.VOTE_RECORDED, null, null);

        assertThat(votes.selects(change(Trigger.VOTE_RECORDED, "Passed", null))).isTrue();
        assertThat(votes.selects(change(Trigger.ACTION_RECORDED, "Referred", null)))
                .isFalse();
        assertThat(votes.selects(change(Trigger.STATUS_CHANGED, "REFERRED", null)))
                .isFalse();
    }

    @Test
    void anyFactSelectsEveryChangeAFactMadeButNotTimePassing() {
        Condition anyFact = new Condition(Trigger.ANY_FACT, null, null);

        for (Trigger trigger : Trigger.values()) {
            assertThat(anyFact.selects(change(trigger, "x", trigger.fromTimePassing() ? 2 : null)))
                    .as(trigger.name())
                    .isEqualTo(!trigger.fromTimePassing());
        }
    }
}
