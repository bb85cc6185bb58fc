package org.tracker.core.api;

import java.util.Locale;

/** The eight types of bill and resolution, with the chamber each originates in and what passing it makes it. */
public enum BillType {
    HR(Chamber.HOUSE, Form.BILL, "H.R."),
    S(Chamber.SENATE, Form.BILL, "S."),
    HJRES(Chamber.HOUSE, Form.JOINT_RESOLUTION, "H.J.Res."),
    SJRES(Chamber.SENATE, Form.JOINT_RESOLUTION, "S.J.Res."),
    HCONRES(Chamber.HOUSE, Form.CONCURRENT_RESOLUTION, "H.Con.Res."),
    SCONRES(Chamber.SENATE, Form.CONCURRENT_RESOLUTION, "S.Con.Res."),
    HRES(Chamber.HOUSE, Form.SIMPLE_RESOLUTION, "H.Res."),
    SRES(Chamber.SENATE, Form.SIMPLE_RESOLUTION, "S.Res.");

    /** What kind of instrument a type is; it decides which chambers must act and what "passed" means. */
    public enum Form {
        BILL,
        JOINT_RESOLUTION,
        CONCURRENT_RESOLUTION,
        SIMPLE_RESOLUTION
    }

    private final Chamber originChamber;
    private final Form form;
    private final String citation;

    BillType(Chamber originChamber, Form form, String citation) {
        this.originChamber = originChamber;
        this.form = form;
        this.citation = citation;
    }

    /** The type as Congress cites it ({@code H.J.Res.}). */
    public String citation() {
        return citation;
    }

    public Chamber originChamber() {
        return originChamber;
    }

    public Form form() {
        return form;
    }

    /** The lower-case code used in bill ids ({@code hjres}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a type as the official record writes it: {@code HR}, {@code hjres}, {@code H.J.Res.}, {@code SCONRES}. */
    public static BillType parse(String text) {
        String code = text.replace(".", "").replace(" ", "").toUpperCase(Locale.ROOT);
        try {
            return valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown bill type '" + text + "'; expected one of hr, s, hjres, sjres,"
                    + " hconres, sconres, hres, sres");
        }
    }
}
