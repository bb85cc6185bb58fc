package org.tracker.notify.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.MeasureKind;
import org.tracker.core.api.RollCallVoteCorrected;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.api.VoteTotals;

class FollowTest {

    static final Instant LEARNED = Instant.parse("2025-02-13T15:00:00Z");

    final Measures measures = new Measures();

    static Follow measure(String id) {
        return new Follow(id, null, null, null);
    }

    static Follow kind(MeasureKind kind) {
        return new Follow(null, kind, null, null);
    }

    static Follow search(List<String> words, String chamber, Integer congress, String status) {
        return new Follow(null, null, new SavedSearch(words, chamber, congress, status), null);
    }

    static Follow member(String bioguideId) {
        return new Follow(null, null, null, bioguideId);
    }

    MeasureState introducedBill() {
        measures.record("event-1", Facts.introduced(LEARNED));
        return measures.get(Facts.BILL);
    }

    @Test
    void aFollowNamesExactlyOneThing() {
        String message = "'follow' names exactly one of: measure (an id), kind, search or member (a bioguide id).";
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Follow(null, null, null, null))
                .withMessage(message);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Follow(Facts.BILL, MeasureKind.BILL, null, null))
                .withMessage(message);
    }

    @Test
    void aMeasureFollowCoversThatMeasureOnly() {
        MeasureState bill = introducedBill();
        measures.record("event-2", Facts.armsSale(LocalDate.of(2025, 3, 10), LEARNED));

        assertThat(measure(Facts.BILL).covers(bill, null)).isTrue();
        assertThat(measure(Facts.BILL).covers(measures.get(Facts.ARMS_SALE), null))
                .isFalse();
    }

    @Test
    void aKindFollowCoversEveryMeasureOfThatKind() {
        MeasureState bill = introducedBill();
        RollCallVoteRecorded vote = Facts.rollCall(LEARNED);
        measures.record("event-2", vote);
        MeasureState rollCall = measures.get(Facts.VOTE);

        assertThat(kind(MeasureKind.BILL).covers(bill, null)).isTrue();
        assertThat(kind(MeasureKind.BILL).covers(rollCall, vote)).isFalse();
        assertThat(kind(MeasureKind.VOTE).covers(rollCall, vote)).isTrue();
    }

    @Test
    void aSavedSearchCoversMeasuresWithEveryWordInTheTitleOrId() {
        MeasureState bill = introducedBill();

        assertThat(search(List.of("Israel", " DEFENSE "), null, null, null).covers(bill, null))
                .isTrue();
        assertThat(search(List.of("hr1229"), null, null, null).covers(bill, null))
                .isTrue();
        assertThat(search(List.of("israel", "ceasefire"), null, null, null).covers(bill, null))
                .isFalse();
    }

    @Test
    void aSavedSearchCoversMeasuresOfItsChamberCongressAndStatus() {
        MeasureState bill = introducedBill();

        assertThat(search(null, "house", null, null).covers(bill, null)).isTrue();
        assertThat(search(null, "SENATE", null, null).covers(bill, null)).isFalse();
        assertThat(search(null, null, 119, null).covers(bill, null)).isTrue();
        assertThat(search(null, null, 118, null).covers(bill, null)).isFalse();
        assertThat(search(List.of("israel"), "HOUSE", 119, "INTRODUCED").covers(bill, null))
                .isTrue();
        assertThat(search(List.of("israel"), "HOUSE", 119, "REFERRED").covers(bill, null))
                .isFalse();
    }

    @Test
    void aMeasureThatComesToMatchASavedSearchIsCoveredFromThen() {
        Follow referredInTheHouse = search(null, "HOUSE", null, "REFERRED");
        MeasureState bill = introducedBill();
        assertThat(referredInTheHouse.covers(bill, null)).isFalse();

        measures.record("event-2", Facts.referred(LEARNED));

        assertThat(referredInTheHouse.covers(bill, null)).isTrue();
    }

    @Test
    void aSavedSearchNeedsSomethingToSearchFor() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SavedSearch(List.of(" ", ""), null, null, null))
                .withMessage("A saved search needs at least one of: words, chamber, congress, status.");
    }

    @Test
    void aMemberFollowCoversWhatTheySponsor() {
        MeasureState bill = introducedBill();

        assertThat(member(Facts.SPONSOR.bioguideId()).covers(bill, null)).isTrue();
        assertThat(member(Facts.COSPONSOR.bioguideId()).covers(bill, null)).isFalse();
    }

    @Test
    void aMemberFollowCoversWhatTheyCosponsorUntilTheyWithdraw() {
        MeasureState bill = introducedBill();
        Follow cosponsor = member(Facts.COSPONSOR.bioguideId());

        measures.record("event-2", Facts.cosponsorAdded(Facts.COSPONSOR, LEARNED));
        assertThat(cosponsor.covers(bill, null)).isTrue();

        measures.record("event-3", Facts.cosponsorWithdrawn(Facts.COSPONSOR.bioguideId(), LEARNED));
        assertThat(cosponsor.covers(bill, null)).isFalse();
        assertThat(member(Facts.SPONSOR.bioguideId()).covers(bill, null)).isTrue();
    }

    @Test
    void aMemberFollowCoversARollCallTheyVotedInAndTheMeasureItWasOn() {
        RollCallVoteRecorded vote = Facts.rollCall(LEARNED);
        measures.record("event-1", vote);
        MeasureState rollCall = measures.get(Facts.VOTE);
        MeasureState votedOn = measures.get(Facts.RESOLUTION);

        assertThat(member(Facts.SENATOR.bioguideId()).covers(rollCall, vote)).isTrue();
        assertThat(member(Facts.SENATOR.bioguideId()).covers(votedOn, vote)).isTrue();
        assertThat(member("S270").covers(rollCall, vote)).isFalse();
    }

    @Test
    void aMemberFollowCoversACorrectedRollCallTheyVotedIn() {
        RollCallVoteCorrected correction = new RollCallVoteCorrected(
                Facts.VOTE,
                "Motion to Discharge Rejected",
                false,
                new VoteTotals(18, 79, 0, 3),
                Facts.rollCall(LEARNED).positions(),
                Facts.learnedAt(LEARNED));
        measures.record("event-1", Facts.rollCall(LEARNED));
        measures.record("event-2", correction);

        assertThat(member(Facts.SENATOR.bioguideId()).covers(measures.get(Facts.VOTE), correction))
                .isTrue();
    }
}
