package org.tracker.core.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bill or resolution as people write it when they look for one: {@code H.R. 1229}, {@code HR1229}, {@code h.r.1229},
 * {@code S.J.Res. 111}, {@code S 554}, with a Congress as in an id ({@code HR1229-119}), or a number alone
 * ({@code 1229}), which names that number in every type and Congress.
 *
 * @param type null when only a number was written
 * @param congress null unless one was written
 */
public record BillCitation(BillType type, int number, Integer congress) {

    /**
     * A type as the record, the press or a hurried reader writes it (letters, dots and spaces: {@code H. Con. Res.}),
     * then the number, then perhaps the Congress. Nine digits at most, as in ids, so that every number fits an int.
     */
    private static final Pattern WRITTEN =
            Pattern.compile("([a-z][a-z. ]*)?(\\d{1,9})(?:-(\\d{1,9}))?", Pattern.CASE_INSENSITIVE);

    /** A canonical bill id, as {@link #orderKey} and the {@code measure} table's {@code citation_order} read it. */
    private static final Pattern ID =
            Pattern.compile("(hr|s|hjres|sjres|hconres|sconres|hres|sres)(\\d{1,9})-(\\d{1,4})");

    /** @return the citation the text is, or empty when it is words (or a type that is no bill type's) */
    public static Optional<BillCitation> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher written = WRITTEN.matcher(text.strip());
        if (!written.matches()) {
            return Optional.empty();
        }
        BillType type = null;
        if (written.group(1) != null) {
            try {
                type = BillType.parse(written.group(1));
            } catch (IllegalArgumentException wordsAndANumber) {
                return Optional.empty();
            }
        }
        int number = Integer.parseInt(written.group(2));
        Integer congress = written.group(3) == null ? null : Integer.parseInt(written.group(3));
        if (number < 1 || (congress != null && congress < 1)) {
            return Optional.empty();
        }
        return Optional.of(new BillCitation(type, number, congress));
    }

    /** The id of the one bill the citation names, or null when it leaves the type or the Congress open. */
    public String id() {
        return type == null || congress == null ? null : new BillId(type, number, congress).toString();
    }

    /**
     * How every id of a measure this citation names begins ({@code hr1229-}), whatever its Congress; null when only a
     * number was written, which every type shares.
     */
    public String idPrefix() {
        return type == null ? null : type.code() + number + "-";
    }

    /**
     * Where a measure sits in the citation order: bills and resolutions first, by type in the order {@link BillType}
     * lists them (H.R., S., H.J.Res., ...), then number, then Congress; then every other measure by its id. Strings
     * of these keys compare in that order byte by byte. The {@code measure} table computes the same key in SQL as its
     * {@code citation_order} column (migration V32); the two must change together.
     */
    public static String orderKey(String measureId) {
        Matcher bill = ID.matcher(measureId);
        if (!bill.matches()) {
            return "1" + measureId;
        }
        return "0" + BillType.parse(bill.group(1)).ordinal() + zeros(bill.group(2), 9) + zeros(bill.group(3), 4);
    }

    private static String zeros(String digits, int width) {
        return "0".repeat(width - digits.length()) + digits;
    }
}
