package org.tracker.core.api;

/** Who reported an action, as the {@code sourceSystem} codes of the official record say. */
public enum ActionSource {
    SENATE("0"),
    HOUSE_COMMITTEE("1"),
    HOUSE_FLOOR("2"),
    LIBRARY_OF_CONGRESS("9"),
    OTHER("");

    private final String code;

    ActionSource(String code) {
        this.code = code;
    }

    public static ActionSource fromCode(String code) {
        for (ActionSource source : values()) {
            if (source.code.equals(code)) {
                return source;
            }
        }
        return OTHER;
    }
}
