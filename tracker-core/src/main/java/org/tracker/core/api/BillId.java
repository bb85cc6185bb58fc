package org.tracker.core.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The customary id of a bill or resolution: type, number and Congress, as in {@code hr1229-119}. */
public record BillId(BillType type, int number, int congress) {

    /** Any case and leading zeros, so that an id written otherwise can be named in its canonical form. */
    private static final Pattern ANY_FORM = Pattern.compile(
            "(hr|s|hjres|sjres|hconres|sconres|hres|sres)(\\d{1,9})-(\\d{1,9})", Pattern.CASE_INSENSITIVE);

    public BillId {
        if (number < 1) {
            throw new IllegalArgumentException("a bill number starts at 1");
        }
        if (congress < 1) {
            throw new IllegalArgumentException("a Congress number starts at 1");
        }
    }

    /** @throws IllegalArgumentException when the id is not a bill id as the tracker writes one */
    public static BillId parse(String id) {
        return readAnyForm(MeasureIds.require(MeasureKind.BILL, id, "billId"));
    }

    /** @return the bill an id names however it is written, or null when it names none */
    static BillId readAnyForm(String id) {
        Matcher m = ANY_FORM.matcher(id);
        if (!m.matches()) {
            return null;
        }
        return new BillId(BillType.parse(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** As Congress cites it: {@code H.R. 1229}. */
    public String citation() {
        return type.citation() + " " + number;
    }

    @Override
    public String toString() {
        return type.code() + number + "-" + congress;
    }
}
