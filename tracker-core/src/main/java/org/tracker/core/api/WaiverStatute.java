package org.tracker.core.api;

/** The laws under which the executive may waive or except a restriction on security assistance. */
public enum WaiverStatute {
    /** Foreign Assistance Act §620I(b): national-security waiver of the bar on aid to states restricting US aid. */
    FAA_620I,
    /** Foreign Assistance Act §620M (State Leahy law): exception once a unit's government takes effective steps. */
    FAA_620M,
    /** 10 U.S.C. 362 (DoD Leahy law): waiver in extraordinary circumstances, or exception on remediation. */
    USC10_362,
    /** A waiver provision of a particular Act; the citation names it. */
    ACT_PROVISION
}
