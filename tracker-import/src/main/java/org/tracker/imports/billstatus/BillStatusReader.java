package org.tracker.imports.billstatus;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tracker.core.api.ActionSource;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillId;
import org.tracker.core.api.BillType;
import org.tracker.core.api.Chamber;
import org.tracker.core.api.CongressTime;
import org.tracker.core.api.Member;
import org.tracker.core.api.RecordedVoteRef;
import org.tracker.imports.UnreadableRecordException;
import org.tracker.imports.bill.ActionSources;
import org.tracker.imports.bill.BillRecord;
import org.tracker.imports.bill.BillRecord.BillTitle;
import org.tracker.imports.bill.BillRecord.Cosponsor;
import org.tracker.imports.bill.BillRecord.Law;
import org.tracker.imports.xml.HardenedXml;
import org.w3c.dom.Element;

/** Reads one BILLSTATUS file of either schema generation into a {@link BillRecord}. */
public final class BillStatusReader {

    private static final DateTimeFormatter LEGACY_TIME = DateTimeFormatter.ofPattern("hh:mma", Locale.US);

    /** "[D-MD]", "[R-AZ-8]", "[D-DC-At Large]" at the end of a member's full name. */
    private static final Pattern PARTY_AND_STATE = Pattern.compile("\\[([A-Z]+)-([A-Z]{2})(?:-[^\\]]*)?\\]\\s*$");

    private static final Pattern HOUSE_ROLL_CALL = Pattern.compile("\\(Roll [Nn]o\\. (\\d{1,9})\\)");
    private static final Pattern SENATE_ROLL_CALL =
            Pattern.compile("Vote\\. \\d+ ?- ?\\d+\\. Record Vote (?:Number|No): (\\d{1,9})");

    private final HardenedXml xml;

    /** @param maxBytes the largest input accepted; the largest real file in the fixtures is about 1.1 MB */
    public BillStatusReader(long maxBytes) {
        this.xml = new HardenedXml("BILLSTATUS file", maxBytes, HardenedXml.Doctype.REFUSED);
    }

    /** @throws UnreadableRecordException when the file is refused or is not a BILLSTATUS file */
    public BillRecord read(Path file) {
        return toRecord(xml.root(file, "billStatus"));
    }

    /** Reads at most the size limit from the stream; the caller closes it. */
    public BillRecord read(InputStream in) {
        return toRecord(xml.root(in, "billStatus"));
    }

    private BillRecord toRecord(Element root) {
        Element bill = xml.child(root, "bill");
        if (bill == null) {
            throw xml.unreadable("<billStatus> has no <bill>");
        }
        boolean current = String.valueOf(xml.text(root, "version")).startsWith("3.");
        String typeElement = current ? "type" : "billType";
        String numberElement = current ? "number" : "billNumber";
        BillType type;
        try {
            type = BillType.parse(xml.required(bill, typeElement));
        } catch (IllegalArgumentException e) {
            throw xml.unreadable("<" + typeElement + ">: " + e.getMessage());
        }
        int congress = xml.number(bill, "congress");
        BillId id = new BillId(type, xml.number(bill, numberElement), congress);
        List<RecordedVoteRef> legacyVotes = current ? List.of() : recordedVotes(xml.child(bill, "recordedVotes"));
        List<BillTitle> titles = titles(bill);
        return new BillRecord(
                id,
                BillRecord.leadTitle(titles, xml.required(bill, "title")),
                date(bill, "introducedDate"),
                sponsor(bill),
                cosponsors(bill),
                titles,
                actions(bill, legacyVotes),
                laws(bill),
                instant(xml.required(bill, "updateDate"), "updateDate"));
    }

    private Member sponsor(Element bill) {
        List<Element> sponsors = items(xml.child(bill, "sponsors"));
        return sponsors.isEmpty() ? null : member(sponsors.get(0));
    }

    private List<Cosponsor> cosponsors(Element bill) {
        List<Cosponsor> cosponsors = new ArrayList<>();
        for (Element item : items(xml.child(bill, "cosponsors"))) {
            String withdrawn = xml.text(item, "sponsorshipWithdrawnDate");
            cosponsors.add(new Cosponsor(
                    member(item),
                    date(item, "sponsorshipDate"),
                    "True".equalsIgnoreCase(xml.text(item, "isOriginalCosponsor")),
                    withdrawn == null ? null : parseDate(withdrawn, "sponsorshipWithdrawnDate")));
        }
        return cosponsors;
    }

    /** Older files leave out party and state, which the full name also gives ("Rep. Davis, Rodney [R-IL-13]"). */
    private Member member(Element item) {
        String fullName = xml.required(item, "fullName");
        String party = xml.text(item, "party");
        String state = xml.text(item, "state");
        Matcher bracket = PARTY_AND_STATE.matcher(fullName);
        if (bracket.find()) {
            party = party != null ? party : bracket.group(1);
            state = state != null ? state : bracket.group(2);
        }
        try {
            return new Member(xml.text(item, "bioguideId"), fullName, party, state);
        } catch (IllegalArgumentException e) {
            throw xml.unreadable("the member '" + fullName + "': " + e.getMessage());
        }
    }

    private List<BillTitle> titles(Element bill) {
        List<BillTitle> titles = new ArrayList<>();
        for (Element item : items(xml.child(bill, "titles"))) {
            titles.add(new BillTitle(xml.required(item, "titleType"), xml.required(item, "title")));
        }
        return titles;
    }

    private List<Law> laws(Element bill) {
        List<Law> laws = new ArrayList<>();
        for (Element item : items(xml.child(bill, "laws"))) {
            laws.add(new Law(xml.required(item, "type"), xml.required(item, "number")));
        }
        return laws;
    }

    private List<BillAction> actions(Element bill, List<RecordedVoteRef> legacyVotes) {
        List<BillAction> actions = new ArrayList<>();
        for (Element item : items(xml.child(bill, "actions"))) {
            String text = xml.text(item, "text");
            if (text == null) {
                continue; // GPO's files hold some ghost items with no text at all, which record nothing
            }
            LocalDate date = date(item, "actionDate");
            RecordedVoteRef vote = nestedVote(item);
            if (vote == null) {
                vote = legacyVote(text, date, legacyVotes);
            }
            actions.add(new BillAction(
                    date,
                    time(xml.text(item, "actionTime")),
                    text,
                    xml.text(item, "type"),
                    xml.text(item, "actionCode"),
                    source(xml.child(item, "sourceSystem")),
                    committees(item),
                    vote));
        }
        return actions;
    }

    private ActionSource source(Element sourceSystem) {
        return sourceSystem == null
                ? ActionSource.OTHER
                : ActionSources.of(xml.text(sourceSystem, "code"), xml.text(sourceSystem, "name"));
    }

    /** Legacy files name one {@code committee}; later ones list {@code committees/item}. */
    private List<String> committees(Element item) {
        List<String> names = new ArrayList<>();
        Element single = xml.child(item, "committee");
        if (single != null && xml.text(single, "name") != null) {
            names.add(xml.text(single, "name"));
        }
        for (Element committee : items(xml.child(item, "committees"))) {
            String name = xml.text(committee, "name");
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private RecordedVoteRef nestedVote(Element item) {
        Element votes = xml.child(item, "recordedVotes");
        Element first = votes == null ? null : xml.child(votes, "recordedVote");
        return first == null ? null : recordedVote(first);
    }

    /**
     * Legacy files list the bill's roll calls once, apart from the actions; an action names its own roll call in its
     * text ("(Roll no. 7)", "Record Vote Number: 331"), and the roll call is dated the same legislative day.
     */
    private static RecordedVoteRef legacyVote(String text, LocalDate date, List<RecordedVoteRef> votes) {
        Matcher house = HOUSE_ROLL_CALL.matcher(text);
        Matcher senate = SENATE_ROLL_CALL.matcher(text);
        Chamber chamber;
        int roll;
        if (house.find()) {
            chamber = Chamber.HOUSE;
            roll = Integer.parseInt(house.group(1));
        } else if (senate.find()) {
            chamber = Chamber.SENATE;
            roll = Integer.parseInt(senate.group(1));
        } else {
            return null;
        }
        return votes.stream()
                .filter(vote -> vote.chamber() == chamber
                        && vote.rollNumber() == roll
                        && vote.date().equals(date))
                .findFirst()
                .orElse(null);
    }

    private List<RecordedVoteRef> recordedVotes(Element recordedVotes) {
        List<RecordedVoteRef> votes = new ArrayList<>();
        if (recordedVotes != null) {
            for (Element vote : xml.children(recordedVotes, "recordedVote")) {
                votes.add(recordedVote(vote));
            }
        }
        return votes;
    }

    /** Roll-call timestamps are in UTC; the vote belongs to the legislative day in Washington. */
    private RecordedVoteRef recordedVote(Element vote) {
        String chamber = xml.required(vote, "chamber").toUpperCase(Locale.ROOT);
        if (!chamber.equals("HOUSE") && !chamber.equals("SENATE")) {
            throw xml.unreadable("a recorded vote's <chamber> is '" + chamber + "', neither House nor Senate");
        }
        LocalDate day = CongressTime.dayOf(instant(xml.required(vote, "date"), "date"));
        return new RecordedVoteRef(
                Chamber.valueOf(chamber),
                xml.number(vote, "congress"),
                xml.number(vote, "sessionNumber"),
                xml.number(vote, "rollNumber"),
                day);
    }

    private LocalTime time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.endsWith("M") ? LocalTime.parse(value, LEGACY_TIME) : LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw xml.unreadable("<actionTime> '" + value + "' is neither 12:34:56 nor 07:36PM");
        }
    }

    private LocalDate date(Element parent, String name) {
        return parseDate(xml.required(parent, name), name);
    }

    private LocalDate parseDate(String value, String name) {
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw xml.unreadable("<" + name + "> '" + value + "' is not a date like 2021-01-22");
        }
    }

    private Instant instant(String value, String name) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw xml.unreadable("<" + name + "> '" + value + "' is not a UTC timestamp like 2022-09-07T13:36:03Z");
        }
    }

    private List<Element> items(Element list) {
        return list == null ? List.of() : xml.children(list, "item");
    }
}
