package org.tracker.core.api;

/** How a member voted; the House's Aye and No are Yea and Nay here. */
public enum VotePosition {
    YEA,
    NAY,
    PRESENT,
    NOT_VOTING;

    /** Reads the positions as the Senate and the House Clerk write them. */
    public static VotePosition parse(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "yea", "aye", "yes", "guilty" -> YEA;
            case "nay", "no", "not guilty" -> NAY;
            case "present" -> PRESENT;
            case "not voting", "absent", "not_voting" -> NOT_VOTING;
            default -> throw new IllegalArgumentException(
                    "unknown vote position '" + text + "'; expected Yea, Nay, Present or Not Voting");
        };
    }
}
