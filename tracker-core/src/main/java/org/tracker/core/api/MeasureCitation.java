package org.tracker.core.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a person cites a measure, from its id: {@code H.R. 1229} and {@code S.J.Res. 111} for bills and resolutions,
 * {@code Senate roll call 292} for a vote, {@code Transmittal 25-34} for an arms sale. A waiver, an MoU or a report has
 * no customary number, and is cited by its title.
 */
public final class MeasureCitation {

    private static final Pattern VOTE = Pattern.compile("vote-([hs])(\\d+)\\.(\\d+)-(\\d+)");

    private MeasureCitation() {}

    /** @return the citation, or {@code title} when the kind has none (or the id is not canonical) */
    public static String of(String measureId, String title) {
        BillId bill = BillId.readAnyForm(measureId);
        if (bill != null) {
            return bill.citation();
        }
        Matcher vote = VOTE.matcher(measureId);
        if (vote.matches()) {
            return ("h".equals(vote.group(1)) ? "House" : "Senate") + " roll call " + vote.group(4);
        }
        if (measureId.startsWith("armssale-")) {
            return "Transmittal " + measureId.substring("armssale-".length());
        }
        return title == null || title.isBlank() ? measureId : title;
    }
}
