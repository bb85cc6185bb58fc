package org.tracker.core.status;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * The congressional review period of a proposed arms sale under AECA §36(b)(1): 15 calendar days for NATO, its
 * members, Australia, Israel, Japan, New Zealand and the Republic of Korea; 30 for every other recipient.
 */
public final class ReviewWindow {

    public static final int SHORT_DAYS = 15;
    public static final int STANDARD_DAYS = 30;

    private static final Set<String> SHORT_REVIEW_RECIPIENTS = Set.of(
            "nato",
            "north atlantic treaty organization",
            "albania",
            "belgium",
            "bulgaria",
            "canada",
            "croatia",
            "czech republic",
            "czechia",
            "denmark",
            "estonia",
            "finland",
            "france",
            "germany",
            "greece",
            "hungary",
            "iceland",
            "italy",
            "latvia",
            "lithuania",
            "luxembourg",
            "montenegro",
            "netherlands",
            "the netherlands",
            "north macedonia",
            "norway",
            "poland",
            "portugal",
            "romania",
            "slovakia",
            "slovenia",
            "spain",
            "sweden",
            "turkey",
            "turkiye",
            "united kingdom",
            "australia",
            "israel",
            "japan",
            "new zealand",
            "republic of korea",
            "south korea",
            "korea");

    private ReviewWindow() {}

    public static int daysFor(String recipient) {
        return SHORT_REVIEW_RECIPIENTS.contains(normalize(recipient)) ? SHORT_DAYS : STANDARD_DAYS;
    }

    /** The last day of the review period of a sale notified on the given day. */
    public static LocalDate closesOn(String recipient, LocalDate notifiedOn) {
        return notifiedOn.plusDays(daysFor(recipient));
    }

    private static String normalize(String recipient) {
        String plain = Normalizer.normalize(recipient == null ? "" : recipient, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.strip().toLowerCase(Locale.ROOT);
    }
}
