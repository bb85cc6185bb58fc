package org.tracker.imports.bill;

import java.util.Locale;
import org.tracker.core.api.ActionSource;

/** Who reported an action, from the {@code sourceSystem} that BILLSTATUS files and the congress.gov API give. */
public final class ActionSources {

    private ActionSources() {}

    /**
     * Records give the source's code, but some of their Senate items give only its name.
     *
     * @param code the record's code ("0", "9"), or null
     * @param name the record's name ("Senate", "House floor actions", "Library of Congress"), or null
     */
    public static ActionSource of(String code, String name) {
        if (code != null) {
            return ActionSource.fromCode(code);
        }
        String lower = String.valueOf(name).toLowerCase(Locale.ROOT);
        if (lower.equals("senate")) {
            return ActionSource.SENATE;
        }
        if (lower.startsWith("house floor")) {
            return ActionSource.HOUSE_FLOOR;
        }
        if (lower.startsWith("house committee")) {
            return ActionSource.HOUSE_COMMITTEE;
        }
        return lower.startsWith("library of congress") ? ActionSource.LIBRARY_OF_CONGRESS : ActionSource.OTHER;
    }
}
