package org.tracker.imports.rollcall;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Reads a roll call the Senate publishes ({@code roll_call_vote}, as at senate.gov/legislative/LIS/roll_call_votes).
 * Senators are identified by their LIS ids ({@code S354}), which the Senate uses instead of bioguide ids.
 */
public final class SenateRollCallReader {

    /** "November 20, 2024, 05:51 PM"; some files give only the day. */
    private static final DateTimeFormatter VOTE_DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("MMMM d, yyyy")
            .optionalStart()
            .appendPattern(", h:mm a")
            .optionalEnd()
            .toFormatter(Locale.US);

    private final HardenedXml xml;

    /** @param maxBytes the largest file accepted; a roll call of the whole Senate is about 30 kB */
    public SenateRollCallReader(long maxBytes) {
        this.xml = new HardenedXml("Senate roll call", maxBytes, HardenedXml.Doctype.REFUSED);
    }

    /** @throws UnreadableRecordException when the file is refused or is not a Senate roll call */
    public RollCallRecord read(Path file) {
        return toRecord(xml.root(file, "roll_call_vote"));
    }

    /** Reads at most the size limit from the stream; the caller closes it. */
    public RollCallRecord read(InputStream in) {
        return toRecord(xml.root(in, "roll_call_vote"));
    }

    private RollCallRecord toRecord(Element vote) {
        int congress = xml.number(vote, "congress");
        String when = xml.required(vote, "vote_date").replaceAll("\\s+", " ");
        String question = xml.text(vote, "vote_question_text");
        question = question != null ? question : xml.required(vote, "question");
        Element count = xml.child(vote, "count");
        if (count == null) {
            throw xml.unreadable("<roll_call_vote> has no <count>");
        }
        VoteTotals totals = new VoteTotals(
                counted(count, "yeas"), counted(count, "nays"), counted(count, "present"), counted(count, "absent"));
        return new RollCallRecord(
                Chamber.SENATE,
                congress,
                xml.number(vote, "session"),
                xml.number(vote, "vote_number"),
                date(when),
                when.contains(":") ? dateTime(when).toLocalTime() : null,
                question,
                VoteQuestions.category(question),
                xml.required(vote, "vote_result"),
                totals,
                positions(vote),
                measure(xml.child(vote, "document"), congress));
    }

    /** An empty count ({@code <present/>}) is none. */
    private int counted(Element count, String name) {
        String value = xml.text(count, name);
        return value == null ? 0 : xml.number(value, "<" + name + ">");
    }

    private List<MemberVote> positions(Element vote) {
        List<MemberVote> positions = new ArrayList<>();
        Element members = xml.child(vote, "members");
        if (members == null) {
            return positions;
        }
        for (Element member : xml.children(members, "member")) {
            String name = xml.text(member, "member_full");
            if (name == null) {
                name = xml.text(member, "first_name") + " " + xml.required(member, "last_name");
            }
            String cast = xml.required(member, "vote_cast");
            try {
                positions.add(new MemberVote(
                        new Member(
                                xml.required(member, "lis_member_id"),
                                name,
                                xml.text(member, "party"),
                                xml.text(member, "state")),
                        VotePosition.parse(cast)));
            } catch (IllegalArgumentException e) {
                throw xml.unreadable("the vote of " + name + ": " + e.getMessage());
            }
        }
        return positions;
    }

    /** The measure voted on, when the document is a bill or resolution; nominations and treaties are not measures. */
    private BillId measure(Element document, int congress) {
        if (document == null) {
            return null;
        }
        String type = xml.text(document, "document_type");
        String number = xml.text(document, "document_number");
        if (type == null || number == null || !number.matches("\\d+")) {
            return null;
        }
        BillType billType;
        try {
            billType = BillType.parse(type);
        } catch (IllegalArgumentException notABill) {
            return null;
        }
        String documentCongress = xml.text(document, "document_congress");
        return new BillId(
                billType,
                xml.number(number, "<document_number>"),
                documentCongress == null ? congress : xml.number(documentCongress, "<document_congress>"));
    }

    private LocalDate date(String when) {
        try {
            return LocalDate.parse(when, VOTE_DATE);
        } catch (DateTimeParseException e) {
            throw xml.unreadable("<vote_date> '" + when + "' is not a date like 'November 20, 2024, 05:51 PM'");
        }
    }

    private LocalDateTime dateTime(String when) {
        try {
            return LocalDateTime.parse(when, VOTE_DATE);
        } catch (DateTimeParseException e) {
            throw xml.unreadable("<vote_date> '" + when + "' is not a date like 'November 20, 2024, 05:51 PM'");
        }
    }
}
