package org.tracker.core.status;

import java.util.Locale;

/** Reads whether a question carried from the result a chamber publishes. */
public final class VoteOutcome {

    private static final java.util.List<String> NOT_CARRIED = java.util.List.of(
            "not agreed",
            "rejected",
            "failed",
            "not invoked",
            "defeated",
            "not sustained",
            "veto sustained",
            "not passed",
            "not confirmed",
            "not adopted",
            "not well taken");
    private static final java.util.List<String> CARRIED = java.util.List.of(
            "agreed", "passed", "invoked", "overridden", "confirmed", "adopted", "sustained", "well taken");

    private VoteOutcome() {}

    /**
     * @throws IllegalArgumentException for a result that says neither, so that no vote is recorded with a guessed
     *     outcome
     */
    public static boolean carried(String result) {
        String r = result == null ? "" : result.toLowerCase(Locale.ROOT);
        // Negative wordings first: "Not Agreed to" also contains "agreed", "Veto Sustained" also "sustained".
        for (String failed : NOT_CARRIED) {
            if (r.contains(failed)) {
                return false;
            }
        }
        for (String carried : CARRIED) {
            if (r.contains(carried)) {
                return true;
            }
        }
        throw new IllegalArgumentException(
                "cannot tell from the result '" + result + "' whether the question carried;"
                        + " write it as the chamber does, e.g. 'Passed', 'Agreed to', 'Motion Rejected', 'Cloture Not Invoked'");
    }
}
