package org.tracker.notify.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tracker.core.api.ActionSource;
import org.tracker.core.api.ArmsSaleNotified;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillActionRecorded;
import org.tracker.core.api.BillIntroduced;
import org.tracker.core.api.BillStatus;
import org.tracker.core.api.BillStatusChanged;
import org.tracker.core.api.BillType;
import org.tracker.core.api.Chamber;
import org.tracker.core.api.CosponsorAdded;
import org.tracker.core.api.CosponsorWithdrawn;
import org.tracker.core.api.Member;
import org.tracker.core.api.MemberVote;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.api.VoteCategory;
import org.tracker.core.api.VotePosition;
import org.tracker.core.api.VoteTotals;

/** Real tracker-core events about the measures the rules are tested on, each learned at a moment a test chooses. */
final class Facts {

    static final String BILL = "hr1229-119";
    static final String BILL_TITLE = "United States-Israel Defense Partnership Act of 2025";
    static final String RESOLUTION = "sjres111-118";
    static final String VOTE = "vote-s118.2-292";
    static final String ARMS_SALE = "armssale-25-34";
    static final String SOURCE = "https://www.govinfo.gov/app/details/BILLS-119hr1229ih";

    static final Member SPONSOR = new Member("W000795", "Joe Wilson", "R", "SC");
    static final Member COSPONSOR = new Member("G000558", "Brett Guthrie", "R", "KY");
    /** Senate roll calls name senators by their LIS id. */
    static final Member SENATOR = new Member("S313", "Bernard Sanders", "I", "VT");

    private Facts() {}

    static Provenance learnedAt(Instant recordedAt) {
        return new Provenance(recordedAt, recordedAt, SOURCE, "operator");
    }

    static BillIntroduced introduced(Instant learned) {
        return new BillIntroduced(
                BILL, BillType.HR, 1229, 119, BILL_TITLE, LocalDate.of(2025, 2, 12), SPONSOR, learnedAt(learned));
    }

    static BillAction referral() {
        return new BillAction(
                LocalDate.of(2025, 2, 12),
                null,
                "Referred to the House Committee on Foreign Affairs.",
                "IntroReferral",
                "H11100",
                ActionSource.HOUSE_COMMITTEE,
                List.of("House Foreign Affairs"),
                null);
    }

    static BillActionRecorded actionRecorded(BillAction action, Instant learned) {
        return new BillActionRecorded(BILL, action, learnedAt(learned));
    }

    static BillStatusChanged referred(Instant learned) {
        return new BillStatusChanged(
                BILL,
                BillStatus.INTRODUCED,
                BillStatus.REFERRED,
                referral().date(),
                referral().text(),
                learnedAt(learned));
    }

    static CosponsorAdded cosponsorAdded(Member cosponsor, Instant learned) {
        return new CosponsorAdded(BILL, cosponsor, LocalDate.of(2025, 2, 20), false, learnedAt(learned));
    }

    static CosponsorWithdrawn cosponsorWithdrawn(String bioguideId, Instant learned) {
        return new CosponsorWithdrawn(BILL, bioguideId, LocalDate.of(2025, 3, 4), learnedAt(learned));
    }

    /** The Senate's vote of 20 November 2024 not to discharge a resolution disapproving an arms sale to Israel. */
    static RollCallVoteRecorded rollCall(Instant learned) {
        return new RollCallVoteRecorded(
                VOTE,
                Chamber.SENATE,
                118,
                2,
                292,
                LocalDate.of(2024, 11, 20),
                null,
                "On the Motion to Discharge (S.J.Res. 111)",
                VoteCategory.MOTION_TO_DISCHARGE,
                "Motion to Discharge Rejected",
                false,
                new VoteTotals(18, 79, 1, 2),
                List.of(
                        new MemberVote(SENATOR, VotePosition.YEA),
                        new MemberVote(new Member("S306", "Robert Menendez", "D", "NJ"), VotePosition.NOT_VOTING)),
                RESOLUTION,
                learnedAt(learned));
    }

    static ArmsSaleNotified armsSale(LocalDate reviewClosesOn, Instant learned) {
        return new ArmsSaleNotified(
                ARMS_SALE,
                "25-34",
                "Israel",
                "JDAM guidance kits",
                6_750_000_000L,
                reviewClosesOn.minusDays(30),
                30,
                reviewClosesOn,
                learnedAt(learned));
    }
}
