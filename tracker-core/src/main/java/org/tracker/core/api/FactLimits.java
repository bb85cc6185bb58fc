package org.tracker.core.api;

import java.time.LocalDate;

/**
 * The bounds of what a fact may say. Each text limit is several times the longest value found in the official record
 * the tracker imports and in its seed facts, so that real data always fits while a body or file built to exhaust
 * memory, bloat the store or break a downstream reader does not: see the table in tracker-core's README for the
 * values measured.
 */
public final class FactLimits {

    private FactLimits() {}

    /** Titles of bills and resolutions: the longest official titles run to a few thousand characters. */
    public static final int BILL_TITLE = 8_000;

    public static final int TITLE_TYPE = 200;
    /** Action texts: floor actions that quote unanimous-consent agreements are the longest. */
    public static final int ACTION_TEXT = 10_000;

    public static final int ACTION_TYPE = 200;
    public static final int ACTION_CODE = 32;
    public static final int COMMITTEE_NAME = 300;
    /** An action concerns a handful of committees; omnibus referrals name a dozen or so. */
    public static final int COMMITTEES_PER_ACTION = 100;

    public static final int MEMBER_NAME = 200;
    public static final int PARTY = 16;
    public static final int STATE = 8;
    public static final int LAW_TYPE = 32;
    public static final int LAW_NUMBER = 16;
    public static final int VOTE_QUESTION = 1_000;
    public static final int VOTE_RESULT = 200;
    public static final int TRANSMITTAL_NUMBER = 16;
    public static final int RECIPIENT = 500;
    public static final int ARTICLES = 4_000;
    public static final int CITATION = 200;
    /** Titles of waiver provisions, MoUs and reports, shorter than a bill's official title. */
    public static final int SHORT_TITLE = 1_000;
    /** Summaries of waiver provisions, the subject of a determination, an MoU's amendment. */
    public static final int SUMMARY = 10_000;
    /** Justifications of determinations and reasons for revocations, which may quote the determination. */
    public static final int JUSTIFICATION = 20_000;

    public static final int MANDATED_BY = 200;
    /** Where a fact came from (a URL or a file name) and where a report can be read. */
    public static final int SOURCE = 2_000;
    /** Account ids, which the tracker's operators choose. */
    public static final int SUBMITTER = 200;
    /** Every measure id the tracker writes is far shorter; see {@link MeasureIds}. */
    public static final int MEASURE_ID = 64;

    /** The words a reader searches titles for, in the measure list and in a subscription. */
    public static final int SEARCH_TEXT = 200;
    /** Any other query parameter: ids, names of statuses, instants, cursors. */
    public static final int QUERY_PARAMETER = 1_000;

    /** Dollar amounts: the largest arms sale notified was about $110 billion, the largest MoU $38 billion. */
    public static final long MAX_USD = 10_000_000_000_000L;

    /** Members seated in the House: 435 Representatives and the 6 Delegates and Resident Commissioner. */
    public static final int HOUSE_SEATS = 441;
    /** Senators, and the Vice President, whose tie-breaking vote some records count. */
    public static final int SENATE_SEATS = 101;

    /** Congresses have had up to four sessions (the 67th); none has had more. */
    public static final int MAX_SESSION = 4;
    /** A session's roll calls number in the hundreds, at most a little over a thousand. */
    public static final int MAX_ROLL_NUMBER = 9_999;

    /** The day the federal government under the Constitution began; nothing the tracker follows is older. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1789, 3, 4);
    /** How far ahead a scheduled date (an expiry, a due date, an MoU's last fiscal year) may lie. */
    public static final int SCHEDULE_HORIZON_YEARS = 30;

    /** The seats a roll call of the chamber can count. */
    public static int seats(Chamber chamber) {
        return chamber == Chamber.SENATE ? SENATE_SEATS : HOUSE_SEATS;
    }
}
