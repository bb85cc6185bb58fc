package org.tracker.core.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tracker.core.api.BillStatus;
import org.tracker.core.api.BillType;
import org.tracker.core.api.Chamber;

/**
 * Moves a measure's status one read action at a time, and keeps track of which chamber has the measure before it, so
 * that the actions of one day can be put in the order the chambers took them.
 */
final class StatusMachine {

    /** A chamber asking, on that day, for a conference on its amendment. */
    record ConferenceRequest(LocalDate date, Chamber chamber) {}

    private final BillType type;
    private final boolean proposesConstitutionalAmendment;
    private final Set<ConferenceRequest> conferenceRequests;
    private final List<StatusTransition> transitions = new ArrayList<>();
    private BillStatus status = BillStatus.INTRODUCED;
    private Chamber holder;
    private ActionReading houseOriginalMeasure;

    StatusMachine(BillType type, String title, Set<ConferenceRequest> conferenceRequests) {
        this.type = type;
        this.proposesConstitutionalAmendment =
                title != null && title.toLowerCase(Locale.ROOT).contains("proposing an amendment to the constitution");
        this.conferenceRequests = Set.copyOf(conferenceRequests);
        this.holder = type.originChamber();
    }

    /** The chamber the measure is before; the originating chamber once it is out of both (enrolled or enacted). */
    Chamber holder() {
        return holder == null ? type.originChamber() : holder;
    }

    /**
     * A House committee that reports an original measure introduces and reports it at once. The public record counts
     * that as the measure's report only while nothing later has moved it: a bill that went on to pass shows no report.
     */
    List<StatusTransition> transitions() {
        boolean stillBeforeTheFloor = status == BillStatus.INTRODUCED || status == BillStatus.REFERRED;
        if (houseOriginalMeasure == null || !stillBeforeTheFloor) {
            return List.copyOf(transitions);
        }
        List<StatusTransition> reported = new ArrayList<>(transitions);
        reported.add(new StatusTransition(
                BillStatus.REPORTED,
                houseOriginalMeasure.action().date(),
                houseOriginalMeasure.action().text()));
        return List.copyOf(reported);
    }

    void apply(ActionReading reading) {
        Chamber chamber = reading.chamber();
        switch (reading.decision()) {
            case REFERRAL -> {
                if (status == BillStatus.INTRODUCED) {
                    move(BillStatus.REFERRED, holder, reading);
                }
            }
            case COMMITTEE_REPORT -> {
                if (status == BillStatus.INTRODUCED || status == BillStatus.REFERRED) {
                    move(BillStatus.REPORTED, holder, reading);
                }
            }
            case HOUSE_ORIGINAL_MEASURE -> {
                if (houseOriginalMeasure == null) {
                    houseOriginalMeasure = reading;
                }
            }
            case PASSAGE -> passage(reading, chamber);
            case CONCURRENCE -> concurrence(reading, chamber);
            case CONFERENCE_REPORT -> conferenceReport(reading, chamber);
            case CLOTURE -> {
                if (!reading.carried()) {
                    move(BillStatus.PROV_KILL_CLOTUREFAILED, holder, reading);
                }
            }
            case VETO_OVERRIDE -> override(reading, chamber);
            case SIGNATURE -> move(BillStatus.ENACTED_SIGNED, null, reading);
            case VETO -> move(BillStatus.PROV_KILL_VETO, type.originChamber(), reading);
            case POCKET_VETO -> move(BillStatus.VETOED_POCKET, null, reading);
            case PUBLIC_LAW -> publicLaw(reading);
            case LAW_WITHOUT_SIGNATURE -> move(BillStatus.ENACTED_TENDAYRULE, null, reading);
            case NONE -> {}
        }
    }

    private void passage(ActionReading reading, Chamber chamber) {
        boolean inOriginatingChamber = chamber == type.originChamber();
        if (reading.carried()) {
            if (!inOriginatingChamber) {
                passedBySecondChamber(reading, chamber);
            } else if (type.form() == BillType.Form.SIMPLE_RESOLUTION) {
                move(BillStatus.PASSED_SIMPLERES, null, reading);
            } else {
                move(
                        chamber == Chamber.HOUSE ? BillStatus.PASS_OVER_HOUSE : BillStatus.PASS_OVER_SENATE,
                        other(chamber),
                        reading);
            }
        } else if (reading.underSuspension()) {
            move(BillStatus.PROV_KILL_SUSPENSIONFAILED, holder, reading);
        } else if (inOriginatingChamber) {
            move(
                    chamber == Chamber.HOUSE ? BillStatus.FAIL_ORIGINATING_HOUSE : BillStatus.FAIL_ORIGINATING_SENATE,
                    holder,
                    reading);
        } else {
            move(
                    chamber == Chamber.HOUSE ? BillStatus.FAIL_SECOND_HOUSE : BillStatus.FAIL_SECOND_SENATE,
                    holder,
                    reading);
        }
    }

    private void concurrence(ActionReading reading, Chamber chamber) {
        if (reading.carried()) {
            passedBySecondChamber(reading, chamber);
        } else {
            move(BillStatus.PROV_KILL_PINGPONGFAIL, holder, reading);
        }
    }

    /**
     * A chamber that amends sends the measure back to the other, unless it asked for a conference the same day: then
     * the conference report, not the amendment, is what both must agree to next.
     */
    private void passedBySecondChamber(ActionReading reading, Chamber chamber) {
        if (!reading.amended()) {
            move(passedBothChambers(), null, reading);
        } else if (conferenceRequests.contains(
                new ConferenceRequest(reading.action().date(), chamber))) {
            holder = other(chamber);
        } else {
            move(
                    chamber == Chamber.HOUSE ? BillStatus.PASS_BACK_HOUSE : BillStatus.PASS_BACK_SENATE,
                    other(chamber),
                    reading);
        }
    }

    private void conferenceReport(ActionReading reading, Chamber chamber) {
        if (!reading.carried()) {
            return;
        }
        BillStatus agreedByOtherChamber =
                chamber == Chamber.HOUSE ? BillStatus.CONFERENCE_PASSED_SENATE : BillStatus.CONFERENCE_PASSED_HOUSE;
        if (status == agreedByOtherChamber) {
            move(passedBothChambers(), null, reading);
        } else {
            move(
                    chamber == Chamber.HOUSE ? BillStatus.CONFERENCE_PASSED_HOUSE : BillStatus.CONFERENCE_PASSED_SENATE,
                    other(chamber),
                    reading);
        }
    }

    /** The veto goes back to the originating chamber, which votes on overriding it first. */
    private void override(ActionReading reading, Chamber chamber) {
        boolean house = chamber == Chamber.HOUSE;
        if (chamber == type.originChamber()) {
            if (reading.carried()) {
                move(
                        house
                                ? BillStatus.VETOED_OVERRIDE_PASS_OVER_HOUSE
                                : BillStatus.VETOED_OVERRIDE_PASS_OVER_SENATE,
                        other(chamber),
                        reading);
            } else {
                move(
                        house
                                ? BillStatus.VETOED_OVERRIDE_FAIL_ORIGINATING_HOUSE
                                : BillStatus.VETOED_OVERRIDE_FAIL_ORIGINATING_SENATE,
                        chamber,
                        reading);
            }
        } else if (reading.carried()) {
            move(BillStatus.ENACTED_VETO_OVERRIDE, null, reading);
        } else {
            move(
                    house
                            ? BillStatus.VETOED_OVERRIDE_FAIL_SECOND_HOUSE
                            : BillStatus.VETOED_OVERRIDE_FAIL_SECOND_SENATE,
                    chamber,
                    reading);
        }
    }

    /**
     * Becoming law after signing is paperwork. Without a signature on record it tells how the measure became law: over
     * a veto whose override votes are missing, or unsigned after ten days.
     */
    private void publicLaw(ActionReading reading) {
        if (status == BillStatus.PROV_KILL_VETO || status.code().startsWith("VETOED:")) {
            move(BillStatus.ENACTED_VETO_OVERRIDE, null, reading);
        } else if (status == BillStatus.PASSED_BILL) {
            move(BillStatus.ENACTED_TENDAYRULE, null, reading);
        }
    }

    private BillStatus passedBothChambers() {
        return switch (type.form()) {
            case CONCURRENT_RESOLUTION -> BillStatus.PASSED_CONCURRENTRES;
            case SIMPLE_RESOLUTION -> BillStatus.PASSED_SIMPLERES;
            case JOINT_RESOLUTION -> proposesConstitutionalAmendment
                    ? BillStatus.PASSED_CONSTAMEND
                    : BillStatus.PASSED_BILL;
            case BILL -> BillStatus.PASSED_BILL;
        };
    }

    private void move(BillStatus next, Chamber nextHolder, ActionReading reading) {
        holder = nextHolder;
        if (next != status) {
            status = next;
            transitions.add(new StatusTransition(
                    next, reading.action().date(), reading.action().text()));
        }
    }

    private static Chamber other(Chamber chamber) {
        return chamber == Chamber.HOUSE ? Chamber.SENATE : Chamber.HOUSE;
    }
}
