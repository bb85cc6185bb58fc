package org.tracker.notify.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.BillStatusChanged;
import org.tracker.core.api.MeasureKind;
import org.tracker.core.api.RollCallVoteRecorded;

class AlertsTest {

    static final Instant CREATED = Instant.parse("2025-02-01T00:00:00Z");
    static final Instant LEARNED = Instant.parse("2025-02-13T15:00:00Z");

    final Measures measures = new Measures();

    static Subscription subscription(String id, Follow follow, Condition... when) {
        return new Subscription(
                UUID.fromString(id),
                "staffer",
                null,
                follow,
                List.of(when),
                null,
                "staffer@mail.house.gov",
                null,
                false,
                CREATED);
    }

    static Subscription followingTheBill(String id, Trigger... triggers) {
        return subscription(
                id,
                new Follow(Facts.BILL, null, null, null),
                Arrays.stream(triggers)
                        .map(trigger -> new Condition(trigger, null, null))
                        .toArray(Condition[]::new));
    }

    @Test
    void decidingTheSameEventTwiceGivesTheSameAlert() {
        Subscription subscription = followingTheBill("11111111-1111-1111-1111-111111111111", Trigger.STATUS_CHANGED);
        measures.record("event-1", Facts.introduced(LEARNED));
        BillStatusChanged referred = Facts.referred(LEARNED);
        List<Change> changes = measures.record("event-2", referred);
        MeasureState bill = measures.get(Facts.BILL);

        List<Alert> first = Alerts.decide(List.of(subscription), bill, referred, changes);
        List<Alert> again = Alerts.decide(List.of(subscription), bill, referred, changes);

        assertThat(first).hasSize(1);
        assertThat(again).extracting(Alert::id).containsExactly(first.get(0).id());
    }

    @Test
    void eachSubscriptionThatSelectsAChangeHasItsOwnAlert() {
        Subscription statusChanges = followingTheBill("11111111-1111-1111-1111-111111111111", Trigger.STATUS_CHANGED);
        Subscription everything = followingTheBill("22222222-2222-2222-2222-222222222222", Trigger.ANY_FACT);
        Subscription votes = followingTheBill("33333333-3333-3333-3333-333333333333", Trigger.VOTE_RECORDED);
        measures.record("event-1", Facts.introduced(LEARNED));
        BillStatusChanged referred = Facts.referred(LEARNED);
        List<Change> changes = measures.record("event-2", referred);

        List<Alert> alerts =
                Alerts.decide(List.of(statusChanges, everything, votes), measures.get(Facts.BILL), referred, changes);

        assertThat(alerts).extracting(Alert::subscription).containsExactly(statusChanges, everything);
        assertThat(alerts.get(0).id()).isNotEqualTo(alerts.get(1).id());
    }

    @Test
    void aRollCallAlertsOnTheVoteAndOnTheMeasureItWasOnWithDifferentIds() {
        Subscription votes = subscription(
                "11111111-1111-1111-1111-111111111111",
                new Follow(null, null, null, Facts.SENATOR.bioguideId()),
                new Condition(Trigger.VOTE_RECORDED, null, null));
        RollCallVoteRecorded vote = Facts.rollCall(LEARNED);
        List<Change> onTheVote = measures.record("event-1", vote);
        Change onTheResolution = Changes.toMeasureVotedOn(
                vote, "event-1", measures.get(Facts.RESOLUTION).row());

        Alert voteAlert = Alerts.decide(List.of(votes), measures.get(Facts.VOTE), vote, onTheVote)
                .get(0);
        Alert resolutionAlert = Alerts.decide(
                        List.of(votes), measures.get(Facts.RESOLUTION), vote, List.of(onTheResolution))
                .get(0);

        assertThat(voteAlert.id()).isNotEqualTo(resolutionAlert.id());
    }

    /** The clock is looked at every tick: a deadline seen again, a day nearer, is the same alert. */
    @Test
    void anApproachingDeadlineSeenOnEveryTickIsOneAlertAndItsPassingAnother() {
        Subscription deadlines = subscription(
                "11111111-1111-1111-1111-111111111111",
                new Follow(null, MeasureKind.ARMS_SALE, null, null),
                new Condition(Trigger.DEADLINE_APPROACHING, null, 7),
                new Condition(Trigger.DEADLINE_PASSED, null, null));
        measures.record("event-1", Facts.armsSale(LocalDate.of(2025, 3, 10), LEARNED));
        MeasureState armsSale = measures.get(Facts.ARMS_SALE);

        List<UUID> ids = List.of("2025-03-05T15:00:00Z", "2025-03-06T15:00:30Z", "2025-03-11T15:00:00Z").stream()
                .map(now -> Deadlines.at(armsSale.row(), Instant.parse(now)).orElseThrow())
                .map(change -> Alerts.decide(List.of(deadlines), armsSale, null, List.of(change))
                        .get(0)
                        .id())
                .toList();

        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat(ids.get(2)).isNotEqualTo(ids.get(0));
    }

    /**
     * Changes puts a status change first. No event of tracker-core makes a status change and another kind of change
     * at once today, so the second change is made here as if the same event had made it.
     */
    @Test
    void severalChangesSelectedFromOneEventMakeOneAlertWithEveryReasonTheMainFirst() {
        Subscription statusAndActions = followingTheBill(
                "11111111-1111-1111-1111-111111111111", Trigger.ACTION_RECORDED, Trigger.STATUS_CHANGED);
        measures.record("event-1", Facts.introduced(LEARNED));
        BillStatusChanged referred = Facts.referred(LEARNED);
        Change statusChange = measures.record("event-2", referred).get(0);
        Change action = new Change(
                Trigger.ACTION_RECORDED,
                Facts.BILL,
                "New action on 2025-02-12: Referred to the House Committee on Foreign Affairs.",
                null,
                Facts.referral().text(),
                Facts.referral().date(),
                LEARNED,
                Facts.SOURCE,
                "event-2",
                null);

        List<Alert> alerts = Alerts.decide(
                List.of(statusAndActions), measures.get(Facts.BILL), referred, List.of(statusChange, action));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.change()).isEqualTo(statusChange);
            assertThat(alert.reasons()).containsExactly(statusChange.summary(), action.summary());
            assertThat(alert.matched()).containsExactlyElementsOf(statusAndActions.when());
        });
    }

    @Test
    void anAlertNamesOnlyTheConditionsThatSelectedIt() {
        Condition votes = new Condition(Trigger.VOTE_RECORDED, null, null);
        Condition intoCommittee = new Condition(Trigger.STATUS_CHANGED, Set.of("REFERRED"), null);
        Condition enacted = new Condition(Trigger.STATUS_CHANGED, Set.of("ENACTED:SIGNED"), null);
        Subscription subscription = subscription(
                "11111111-1111-1111-1111-111111111111",
                new Follow(Facts.BILL, null, null, null),
                votes,
                intoCommittee,
                enacted);
        measures.record("event-1", Facts.introduced(LEARNED));
        BillStatusChanged referred = Facts.referred(LEARNED);
        List<Change> changes = measures.record("event-2", referred);

        Alert alert = Alerts.decide(List.of(subscription), measures.get(Facts.BILL), referred, changes)
                .get(0);

        assertThat(alert.matched()).containsExactly(intoCommittee);
    }

    @Test
    void noSubscriptionSelectingMeansNoAlert() {
        Subscription votes = followingTheBill("11111111-1111-1111-1111-111111111111", Trigger.VOTE_RECORDED);
        BillStatusChanged referred = Facts.referred(LEARNED);
        measures.record("event-1", Facts.introduced(LEARNED));
        List<Change> changes = measures.record("event-2", referred);

        assertThat(Alerts.decide(List.of(votes), measures.get(Facts.BILL), referred, changes))
                .isEmpty();
    }
}
