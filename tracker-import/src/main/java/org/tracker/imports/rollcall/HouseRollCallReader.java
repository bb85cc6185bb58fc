package org.tracker.imports.rollcall;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tracker.core.api.BillId;
import org.tracker.core.api.BillType;
import org.tracker.core.api.Chamber;
import org.tracker.core.api.Member;
import org.tracker.core.api.MemberVote;
import org.tracker.core.api.VotePosition;
import org.tracker.core.api.VoteTotals;
import org.tracker.imports.UnreadableRecordException;
import org.tracker.imports.xml.HardenedXml;
import org.w3c.dom.Element;

/**
 * Reads a roll call the Clerk of the House publishes ({@code rollcall-vote}, as at clerk.house.gov/evs). The Clerk's
 * files name an external DTD in a DOCTYPE, which is accepted but never fetched; anything declared inside a DOCTYPE is
 * refused.
 */
public final class HouseRollCallReader {

    /** "16-May-2024", "10-Sep-2025". */
    private static final DateTimeFormatter ACTION_DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy")
            .toFormatter(Locale.US);

    private static final DateTimeFormatter ACTION_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("h:mm a")
            .toFormatter(Locale.US);

    /** "H R 8369", "H RES 1227", "S 870", "H J RES 7"; a quorum call or a motion names no measure. */
    private static final Pattern MEASURE = Pattern.compile("^([A-Z][A-Z .]*?)\\s*(\\d+)$");

    /** "2nd" session. */
    private static final Pattern ORDINAL = Pattern.compile("^(\\d+)(?:st|nd|rd|th)?$");

    private final HardenedXml xml;

    /** @param maxBytes the largest file accepted; a roll call of the whole House is about 100 kB */
    public HouseRollCallReader(long maxBytes) {
        this.xml = new HardenedXml("House roll call", maxBytes, HardenedXml.Doctype.NAMING_AN_EXTERNAL_DTD_ONLY);
    }

    /** @throws UnreadableRecordException when the file is refused or is not a House roll call */
    public RollCallRecord read(Path file) {
        return toRecord(xml.root(file, "rollcall-vote"));
    }

    /** Reads at most the size limit from the stream; the caller closes it. */
    public RollCallRecord read(InputStream in) {
        return toRecord(xml.root(in, "rollcall-vote"));
    }

    private RollCallRecord toRecord(Element vote) {
        Element metadata = xml.child(vote, "vote-metadata");
        if (metadata == null) {
            throw xml.unreadable("<rollcall-vote> has no <vote-metadata>");
        }
        int congress = xml.number(metadata, "congress");
        String question = xml.required(metadata, "vote-question");
        return new RollCallRecord(
                Chamber.HOUSE,
                congress,
                session(xml.required(metadata, "session")),
                xml.number(metadata, "rollcall-num"),
                date(xml.required(metadata, "action-date")),
                time(xml.child(metadata, "action-time")),
                question,
                VoteQuestions.category(question),
                xml.required(metadata, "vote-result"),
                totals(metadata),
                positions(vote),
                measure(xml.text(metadata, "legis-num"), congress));
    }

    private int session(String value) {
        Matcher ordinal = ORDINAL.matcher(value);
        if (!ordinal.matches()) {
            throw xml.unreadable("<session> '" + value + "' is not a session like 2nd");
        }
        return xml.number(ordinal.group(1), "<session>");
    }

    private VoteTotals totals(Element metadata) {
        Element totals = xml.child(metadata, "vote-totals");
        Element byVote = totals == null ? null : xml.child(totals, "totals-by-vote");
        if (byVote == null) {
            throw xml.unreadable("<vote-metadata> has no <vote-totals><totals-by-vote>");
        }
        return new VoteTotals(
                xml.number(byVote, "yea-total"),
                xml.number(byVote, "nay-total"),
                xml.number(byVote, "present-total"),
                xml.number(byVote, "not-voting-total"));
    }

    private List<MemberVote> positions(Element vote) {
        List<MemberVote> positions = new ArrayList<>();
        Element data = xml.child(vote, "vote-data");
        if (data == null) {
            return positions;
        }
        for (Element recorded : xml.children(data, "recorded-vote")) {
            Element legislator = xml.child(recorded, "legislator");
            if (legislator == null) {
                throw xml.unreadable("a <recorded-vote> has no <legislator>");
            }
            String name = legislator.getTextContent().strip();
            String cast = xml.required(recorded, "vote");
            try {
                positions.add(new MemberVote(
                        new Member(
                                xml.attribute(legislator, "name-id"),
                                name,
                                xml.attribute(legislator, "party"),
                                xml.attribute(legislator, "state")),
                        VotePosition.parse(cast)));
            } catch (IllegalArgumentException e) {
                throw xml.unreadable("the vote of " + name + ": " + e.getMessage());
            }
        }
        return positions;
    }

    private static BillId measure(String legisNum, int congress) {
        Matcher measure = legisNum == null ? null : MEASURE.matcher(legisNum);
        if (measure == null || !measure.matches()) {
            return null;
        }
        try {
            return new BillId(BillType.parse(measure.group(1)), Integer.parseInt(measure.group(2)), congress);
        } catch (IllegalArgumentException notABill) {
            return null; // an amendment or a motion numbered like a measure
        }
    }

    private LocalDate date(String value) {
        try {
            return LocalDate.parse(value, ACTION_DATE);
        } catch (DateTimeParseException e) {
            throw xml.unreadable("<action-date> '" + value + "' is not a date like 16-May-2024");
        }
    }

    /** The Clerk gives the time twice: {@code time-etz="14:01"}, and "2:01 PM" as text. */
    private LocalTime time(Element actionTime) {
        if (actionTime == null) {
            return null;
        }
        String value = xml.attribute(actionTime, "time-etz");
        try {
            return value != null
                    ? LocalTime.parse(value)
                    : LocalTime.parse(actionTime.getTextContent().strip(), ACTION_TIME);
        } catch (DateTimeParseException e) {
            throw xml.unreadable("<action-time> is not a time like 14:01 or 2:01 PM");
        }
    }
}
