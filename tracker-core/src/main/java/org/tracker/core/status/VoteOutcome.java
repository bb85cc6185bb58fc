package org.tracker.core.status;

import java.util.Locale;

/** Reads whether a question carried from the result a chamber publishes. */
public final class VoteOutcome {

    private VoteOutcome() {}

    /**
     * @throws IllegalArgumentException for a result that says neither, so that no vote is recorded with a guessed
     *     outcome
     */
    public static boolean carried(String result) {
        String r = result == null ? "" : result.toLowerCase(Locale.ROOT);
        if (r.contains("not agreed")
                || r.contains("rejected")
                || r.contains("failed")
                || r.contains("not invoked")
                || r.contains("sustained")
                || r.contains("not passed")
                || r.contains("not sustained")) {
            return r.contains("not sustained");
        }
        if (r.contains("agreed")
                || r.contains("passed")
                || r.contains("invoked")
                || r.contains("overridden")
                || r.contains("confirmed")
                || r.contains("adopted")) {
            return true;
        }
        throw new IllegalArgumentException(
                "cannot tell from the result '" + result + "' whether the question carried;"
                        + " write it as the chamber does, e.g. 'Passed', 'Agreed to', 'Motion Rejected', 'Cloture Not Invoked'");
    }
}
