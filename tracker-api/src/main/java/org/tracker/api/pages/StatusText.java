package org.tracker.api.pages;

import java.util.Map;

/** A status code as a person reads it: {@code PASS_OVER:HOUSE} is "Passed the House". */
final class StatusText {

    private static final Map<String, String> READABLE = Map.ofEntries(
            Map.entry("INTRODUCED", "Introduced"),
            Map.entry("REFERRED", "Referred to committee"),
            Map.entry("REPORTED", "Reported by committee"),
            Map.entry("PASS_OVER:HOUSE", "Passed the House"),
            Map.entry("PASS_OVER:SENATE", "Passed the Senate"),
            Map.entry("PASSED:SIMPLERES", "Agreed to"),
            Map.entry("PASSED:CONCURRENTRES", "Agreed to by both chambers"),
            Map.entry("PASSED:BILL", "Passed both chambers"),
            Map.entry("PASSED:CONSTAMEND", "Passed both chambers (constitutional amendment)"),
            Map.entry("PASS_BACK:HOUSE", "Passed back by the House"),
            Map.entry("PASS_BACK:SENATE", "Passed back by the Senate"),
            Map.entry("FAIL:ORIGINATING:HOUSE", "Failed in the House"),
            Map.entry("FAIL:ORIGINATING:SENATE", "Failed in the Senate"),
            Map.entry("FAIL:SECOND:HOUSE", "Failed in the House"),
            Map.entry("FAIL:SECOND:SENATE", "Failed in the Senate"),
            Map.entry("CONFERENCE:PASSED:HOUSE", "Conference report agreed to by the House"),
            Map.entry("CONFERENCE:PASSED:SENATE", "Conference report agreed to by the Senate"),
            Map.entry("PROV_KILL:SUSPENSIONFAILED", "Failed under suspension"),
            Map.entry("PROV_KILL:CLOTUREFAILED", "Cloture failed"),
            Map.entry("PROV_KILL:PINGPONGFAIL", "Failed to resolve differences"),
            Map.entry("PROV_KILL:VETO", "Vetoed"),
            Map.entry("VETOED:POCKET", "Pocket-vetoed"),
            Map.entry("VETOED:OVERRIDE_PASS_OVER:HOUSE", "Vetoed; the House overrode"),
            Map.entry("VETOED:OVERRIDE_PASS_OVER:SENATE", "Vetoed; the Senate overrode"),
            Map.entry("VETOED:OVERRIDE_FAIL_ORIGINATING:HOUSE", "Vetoed; the House failed to override"),
            Map.entry("VETOED:OVERRIDE_FAIL_ORIGINATING:SENATE", "Vetoed; the Senate failed to override"),
            Map.entry("VETOED:OVERRIDE_FAIL_SECOND:HOUSE", "Vetoed; the House failed to override"),
            Map.entry("VETOED:OVERRIDE_FAIL_SECOND:SENATE", "Vetoed; the Senate failed to override"),
            Map.entry("ENACTED:SIGNED", "Became law"),
            Map.entry("ENACTED:VETO_OVERRIDE", "Became law over a veto"),
            Map.entry("ENACTED:TENDAYRULE", "Became law without signature"),
            Map.entry("UNDER_REVIEW", "Under congressional review"),
            Map.entry("SUBMITTED_LATE", "Submitted late"));

    private StatusText() {}

    static String of(String code) {
        if (code == null) {
            return "Unknown";
        }
        String known = READABLE.get(code);
        if (known != null) {
            return known;
        }
        return Words.of(code);
    }

    /** A failure, a veto or a lapse reads as such, so it is marked differently from progress. */
    static boolean isSetback(String code) {
        return code != null
                && (code.startsWith("FAIL")
                        || code.startsWith("PROV_KILL")
                        || code.startsWith("VETOED")
                        || code.equals("FAILED")
                        || code.equals("REVOKED")
                        || code.equals("SUBMITTED_LATE"));
    }
}
