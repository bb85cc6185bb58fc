package org.tracker.core.api;

import java.util.Locale;

/** Ids of roll-call votes: chamber, Congress, session and roll number, as in {@code vote-s118.2-289}. */
public final class VoteId {

    private VoteId() {}

    public static String of(Chamber chamber, int congress, int session, int rollNumber) {
        return "vote-" + (chamber == Chamber.HOUSE ? "h" : "s") + congress + "." + session + "-" + rollNumber;
    }

    /** Checks that an id has the form of a vote id and names the chamber, Congress, session and roll given. */
    public static void requireMatches(String id, Chamber chamber, int congress, int session, int rollNumber) {
        String expected = of(chamber, congress, session, rollNumber);
        if (!expected.equals(id)) {
            throw new IllegalArgumentException("vote id '" + id + "' does not match "
                    + chamber.name().toLowerCase(Locale.ROOT) + " roll " + rollNumber + " of the " + congress
                    + "th Congress, session " + session + "; expected '" + expected + "'");
        }
    }
}
