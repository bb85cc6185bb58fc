package org.tracker.api.pages;

import java.util.Locale;

/** A code as words: {@code MISSILE_DEFENSE} is "Missile defense", {@code BillActionRecorded} "Bill action recorded"; an acronym ({@code FMF}) stays one. */
final class Words {

    private Words() {}

    static String of(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        if (code.matches("[A-Z]{2,4}")) {
            return code;
        }
        String spaced = code.replaceAll("([a-z])([A-Z])", "$1 $2")
                .replace('_', ' ')
                .replace(':', ' ')
                .toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
