package org.tracker.core.status;

import org.tracker.core.api.BillAction;
import org.tracker.core.api.Chamber;

/**
 * What one action means for the status of its measure.
 *
 * @param chamber the chamber that acted, or null when the text does not tell (the President's actions, for one)
 * @param carried whether the question decided carried; meaningful for decisions by vote only
 * @param amended whether the chamber passed the measure in a form the other chamber has yet to agree to
 * @param requestsConference whether the chamber asked for a conference instead of sending its amendment back
 */
record ActionReading(
        BillAction action,
        Stage stage,
        Chamber chamber,
        Decision decision,
        boolean carried,
        boolean amended,
        boolean underSuspension,
        boolean requestsConference) {

    /** The kinds of action that can move a status; everything else is {@link #NONE}. */
    enum Decision {
        NONE,
        REFERRAL,
        COMMITTEE_REPORT,
        HOUSE_ORIGINAL_MEASURE,
        PASSAGE,
        CONCURRENCE,
        CONFERENCE_REPORT,
        CLOTURE,
        VETO_OVERRIDE,
        SIGNATURE,
        VETO,
        POCKET_VETO,
        PUBLIC_LAW,
        LAW_WITHOUT_SIGNATURE
    }

    /**
     * Where an action falls in the course of a legislative day, for the many actions the record dates but does not
     * time. Declared in the order they happen; {@link #period} separates the chambers' business from the President's
     * and from what follows a veto, which the chambers' order of the day does not decide.
     */
    enum Stage {
        INTRODUCTION(0),
        REFERRAL(0),
        COMMITTEE(0),
        FLOOR(0),
        CLOTURE(0),
        DECISION(0),
        AFTER_DECISION(0),
        MESSAGE(0),
        PRESIDENT(1),
        VETO_MESSAGE(2),
        LAW(3);

        private final int period;

        Stage(int period) {
            this.period = period;
        }

        int period() {
            return period;
        }
    }
}
