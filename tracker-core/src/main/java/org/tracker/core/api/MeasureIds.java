package org.tracker.core.api;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way each measure id is written: lower case and numbers without leading zeros ({@code hr1229-119},
 * {@code vote-s118.2-292}, {@code armssale-24-85}, {@code waiver-faa620i}, {@code mou-2016},
 * {@code report-nsm20-2024-05}). Ids are aggregate identifiers, so {@code HR1229-119} or {@code hr01229-119} would
 * otherwise open a second measure beside the real one; they are refused with the canonical id named instead.
 */
public final class MeasureIds {

    private static final Pattern VOTE =
            Pattern.compile("vote-([hs])(\\d{1,9})\\.(\\d{1,9})-(\\d{1,9})", Pattern.CASE_INSENSITIVE);
    /** Measures named by their kind and words or numbers of their own: a transmittal number, a statute, a year. */
    private static final Pattern NAMED =
            Pattern.compile("(armssale|waiver|mou|report)-[0-9a-z]+(?:-[0-9a-z]+)*", Pattern.CASE_INSENSITIVE);

    private static final String FORMS =
            "measure ids look like hr1229-119, vote-s118.2-292, armssale-24-85, waiver-faa620i, mou-2016 or"
                    + " report-nsm20-2024-05";

    private MeasureIds() {}

    /**
     * @return the id as the tracker writes it
     * @throws IllegalArgumentException when it has the form of no measure id
     */
    public static String canonical(String id, String field) {
        Require.present(id, "'" + field + "' is required");
        Require.text(id, field, FactLimits.MEASURE_ID);
        BillId bill = BillId.readAnyForm(id);
        if (bill != null) {
            return bill.toString();
        }
        Matcher vote = VOTE.matcher(id);
        if (vote.matches()) {
            return "vote-" + vote.group(1).toLowerCase(Locale.ROOT) + number(vote.group(2)) + "."
                    + number(vote.group(3)) + "-" + number(vote.group(4));
        }
        if (NAMED.matcher(id).matches()) {
            return id.toLowerCase(Locale.ROOT);
        }
        throw new IllegalArgumentException("'" + field + "' '" + id + "' is not a measure id; " + FORMS);
    }

    /**
     * @return the id, when it is a measure id written as the tracker writes it
     * @throws IllegalArgumentException naming the canonical id when it is written otherwise
     */
    public static String requireCanonical(String id, String field) {
        String canonical = canonical(id, field);
        if (!canonical.equals(id)) {
            throw new IllegalArgumentException("'" + field + "' '" + id
                    + "' is not written as the tracker writes measure ids; write '" + canonical + "'");
        }
        return id;
    }

    /** As {@link #requireCanonical(String, String)}, for an id that must name a measure of the given kind. */
    public static String require(MeasureKind kind, String id, String field) {
        requireCanonical(id, field);
        if (kindOf(id) != kind) {
            throw new IllegalArgumentException(
                    "'" + field + "' '" + id + "' is not the id of " + describe(kind) + ", as in " + example(kind));
        }
        return id;
    }

    /** The kind of measure a canonical id names. */
    public static MeasureKind kindOf(String canonicalId) {
        if (BillId.readAnyForm(canonicalId) != null) {
            return MeasureKind.BILL;
        }
        if (VOTE.matcher(canonicalId).matches()) {
            return MeasureKind.VOTE;
        }
        String prefix = canonicalId.substring(0, canonicalId.indexOf('-'));
        return switch (prefix) {
            case "armssale" -> MeasureKind.ARMS_SALE;
            case "waiver" -> MeasureKind.WAIVER;
            case "mou" -> MeasureKind.MOU;
            default -> MeasureKind.REPORT;
        };
    }

    private static String number(String digits) {
        return Integer.toString(Integer.parseInt(digits));
    }

    private static String describe(MeasureKind kind) {
        return switch (kind) {
            case BILL -> "a bill or resolution";
            case VOTE -> "a roll-call vote";
            case ARMS_SALE -> "an arms sale";
            case WAIVER -> "a waiver";
            case MOU -> "a memorandum of understanding";
            case REPORT -> "a mandated report";
        };
    }

    private static String example(MeasureKind kind) {
        return switch (kind) {
            case BILL -> "hr1229-119";
            case VOTE -> "vote-s118.2-292";
            case ARMS_SALE -> "armssale-24-85";
            case WAIVER -> "waiver-faa620i";
            case MOU -> "mou-2016";
            case REPORT -> "report-nsm20-2024-05";
        };
    }
}
