package org.tracker.core.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The customary id of a bill or resolution: type, number and Congress, as in {@code hr1229-119}. */
public record BillId(BillType type, int number, int congress) {

    private static final Pattern FORM = Pattern.compile("(hr|s|hjres|sjres|hconres|sconres|hres|sres)(\\d+)-(\\d+)");

    public BillId {
        if (number < 1) {
            throw new IllegalArgumentException("a bill number starts at 1");
        }
        if (congress < 1) {
            throw new IllegalArgumentException("a Congress number starts at 1");
        }
    }

    public static BillId parse(String id) {
        Matcher m = FORM.matcher(id == null ? "" : id);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + id + "' is not a bill id; write type, number and Congress as in hr1229-119 or sjres111-118");
        }
        return new BillId(BillType.parse(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    @Override
    public String toString() {
        return type.code() + number + "-" + congress;
    }
}
