package org.tracker.core.api;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks of incoming facts that fail as invalid input, never as a programming error. Commands apply them in their
 * constructors; events never do, so that events stored by older versions still load.
 */
public final class Require {

    /** The Biographical Directory's form: one letter and six digits ({@code W000795}). */
    private static final Pattern BIOGUIDE_ID = Pattern.compile("[A-Z]\\d{6}");
    /** The Senate's Legislative Information System ids that Senate roll calls use ({@code S354}). */
    private static final Pattern LIS_ID = Pattern.compile("S\\d{3}");

    private Require() {}

    /** @throws IllegalArgumentException with the given message when the value is missing */
    public static <T> T present(T value, String message) {
        if (value == null) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }

    /**
     * Text a person can read: at most {@code maxLength} UTF-16 units, and no character that a reader of the stream,
     * PostgreSQL or a terminal would choke on or hide: control characters other than newline and tab (C0, DEL, C1),
     * surrogates that pair with nothing, and the non-characters U+FFFE and U+FFFF. Null passes: whether a text is
     * required is the command's to say.
     */
    public static String text(String value, String field, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(
                    "'" + field + "' is " + value.length() + " characters long; at most " + maxLength + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (isRefused(c)) {
                throw new IllegalArgumentException("'" + field + "' holds the character U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + " at position " + i
                        + "; control characters other than newline and tab, unpaired surrogates, U+FFFE and U+FFFF"
                        + " are refused");
            }
        }
        return value;
    }

    private static boolean isRefused(char c) {
        return (c < 0x20 && c != '\n' && c != '\t')
                || (c >= 0x7F && c <= 0x9F)
                || Character.isSurrogate(c)
                || c == '\uFFFE'
                || c == '\uFFFF';
    }

    /** A member as a sponsor or cosponsor: named by their bioguide id. */
    public static Member sponsor(Member member, String field) {
        if (member == null) {
            return null;
        }
        bioguideId(member.bioguideId(), field + ".bioguideId");
        return memberDetails(member, field);
    }

    /** A member in a roll call: by bioguide id, or by LIS id as Senate roll calls name senators. */
    public static Member voter(Member member, String field) {
        present(member, "'" + field + "' names no member");
        memberId(member.bioguideId(), field + ".bioguideId", true);
        return memberDetails(member, field);
    }

    public static String bioguideId(String id, String field) {
        return memberId(id, field, false);
    }

    private static String memberId(String id, String field, boolean lisIdAllowed) {
        present(id, "'" + field + "' is required");
        String official = upper(id);
        boolean wellFormed = BIOGUIDE_ID.matcher(official).matches()
                || (lisIdAllowed && LIS_ID.matcher(official).matches());
        if (!wellFormed) {
            throw new IllegalArgumentException("'" + field + "' '" + text(id, field, FactLimits.MEASURE_ID)
                    + "' is not a member id: a bioguide id is one letter and six digits, as in W000795"
                    + (lisIdAllowed ? "; Senate roll calls may use LIS ids, as in S354" : ""));
        }
        if (!official.equals(id)) {
            throw new IllegalArgumentException("'" + field + "' '" + id
                    + "' is not written as the official record writes it; write '" + official + "'");
        }
        return id;
    }

    private static String upper(String id) {
        return id == null ? "" : id.toUpperCase(Locale.ROOT);
    }

    private static Member memberDetails(Member member, String field) {
        text(member.name(), field + ".name", FactLimits.MEMBER_NAME);
        text(member.party(), field + ".party", FactLimits.PARTY);
        text(member.state(), field + ".state", FactLimits.STATE);
        return member;
    }

    /** A sum in whole dollars: not negative, and not more than any real sale or commitment by far. */
    public static long dollars(long amount, String field) {
        if (amount < 0 || amount > FactLimits.MAX_USD) {
            throw new IllegalArgumentException(
                    "'" + field + "' is " + amount + "; an amount in dollars lies between 0 and " + FactLimits.MAX_USD);
        }
        return amount;
    }

    public static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "'" + field + "' is " + value + "; it lies between " + min + " and " + max);
        }
        return value;
    }

    public static <C extends Collection<?>> C atMost(C values, int max, String field) {
        if (values != null && values.size() > max) {
            throw new IllegalArgumentException(
                    "'" + field + "' lists " + values.size() + " entries; at most " + max + " are allowed");
        }
        return values;
    }

    /** Every command's provenance: present, and naming its source in readable text. */
    public static Provenance provenance(Provenance provenance) {
        present(provenance, "a fact needs its provenance");
        text(provenance.source(), "source", FactLimits.SOURCE);
        text(provenance.submittedBy(), "submittedBy", FactLimits.SUBMITTER);
        return provenance;
    }
}
