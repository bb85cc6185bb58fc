package org.tracker.imports.billstatus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.tracker.core.api.ActionSource;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillId;
import org.tracker.core.api.BillType;
import org.tracker.core.api.Chamber;
import org.tracker.core.api.Member;
import org.tracker.core.api.RecordedVoteRef;
import org.tracker.imports.billstatus.BillRecord.BillTitle;
import org.tracker.imports.billstatus.BillRecord.Cosponsor;
import org.tracker.imports.billstatus.BillRecord.Law;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Reads one BILLSTATUS file of either schema generation into a {@link BillRecord}. */
public final class BillStatusReader {

    /** The Capitol's clock: roll-call timestamps are in UTC, action dates are the legislative day in Washington. */
    private static final ZoneId CAPITOL = ZoneId.of("America/New_York");

    private static final DateTimeFormatter LEGACY_TIME = DateTimeFormatter.ofPattern("hh:mma", Locale.US);

    /** "[D-MD]", "[R-AZ-8]", "[D-DC-At Large]" at the end of a member's full name. */
    private static final Pattern PARTY_AND_STATE = Pattern.compile("\\[([A-Z]+)-([A-Z]{2})(?:-[^\\]]*)?\\]\\s*$");

    private static final Pattern HOUSE_ROLL_CALL = Pattern.compile("\\(Roll [Nn]o\\. (\\d+)\\)");
    private static final Pattern SENATE_ROLL_CALL =
            Pattern.compile("Vote\\. \\d+ ?- ?\\d+\\. Record Vote (?:Number|No): (\\d+)");

    private final long maxBytes;
    private final DocumentBuilderFactory parsers;

    /** @param maxBytes the largest input accepted; the largest real file in the fixtures is about 1.1 MB */
    public BillStatusReader(long maxBytes) {
        if (maxBytes < 1 || maxBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a size limit is between 1 byte and 2 GB, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.parsers = hardenedParsers();
    }

    public BillRecord read(Path file) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLarge(file + " has " + size + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads at most the size limit from the stream; the caller closes it. */
    public BillRecord read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the BILLSTATUS input", e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge("the input has more");
        }
        return toRecord(parse(bytes));
    }

    private UnreadableBillStatusException tooLarge(String actual) {
        return new UnreadableBillStatusException(
                "refused: " + actual + " than the limit of " + maxBytes + " bytes for a BILLSTATUS file");
    }

    private static DocumentBuilderFactory hardenedParsers() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser no longer offers the features that harden it", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    private Document parse(byte[] bytes) {
        try {
            DocumentBuilder parser = parsers.newDocumentBuilder();
            parser.setErrorHandler(RETHROW);
            return parser.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
                throw new UnreadableBillStatusException(
                        "refused: the input declares a DOCTYPE; BILLSTATUS files have none, and DTDs and entities are"
                                + " not accepted",
                        e);
            }
            throw new UnreadableBillStatusException(
                    "not well-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                            + e.getMessage(),
                    e);
        } catch (SAXException e) {
            throw new UnreadableBillStatusException("not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the hardened XML parser cannot be created", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default handler prints to stderr and lets some errors through; every problem is a refusal here. */
    private static final ErrorHandler RETHROW = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {}

        @Override
        public void error(SAXParseException exception) throws SAXParseException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXParseException {
            throw exception;
        }
    };

    private static BillRecord toRecord(Document document) {
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("billStatus")) {
            throw unreadable("the root element is <" + root.getTagName() + ">, not <billStatus>");
        }
        Element bill = child(root, "bill");
        if (bill == null) {
            throw unreadable("<billStatus> has no <bill>");
        }
        boolean current = String.valueOf(text(root, "version")).startsWith("3.");
        String typeElement = current ? "type" : "billType";
        String numberElement = current ? "number" : "billNumber";
        BillType type;
        try {
            type = BillType.parse(required(bill, typeElement));
        } catch (IllegalArgumentException e) {
            throw unreadable("<" + typeElement + ">: " + e.getMessage());
        }
        int congress = number(bill, "congress");
        BillId id = new BillId(type, number(bill, numberElement), congress);
        List<RecordedVoteRef> legacyVotes = current ? List.of() : recordedVotes(child(bill, "recordedVotes"));
        return new BillRecord(
                id,
                title(bill),
                date(bill, "introducedDate"),
                sponsor(bill),
                cosponsors(bill),
                titles(bill),
                actions(bill, legacyVotes),
                laws(bill),
                instant(required(bill, "updateDate"), "updateDate"));
    }

    private static String title(Element bill) {
        String anyOfficial = null;
        for (BillTitle title : titles(bill)) {
            if (title.type().startsWith("Official Title")) {
                if (title.type().endsWith("as Introduced")) {
                    return title.text();
                }
                anyOfficial = anyOfficial == null ? title.text() : anyOfficial;
            }
        }
        return anyOfficial != null ? anyOfficial : required(bill, "title");
    }

    private static Member sponsor(Element bill) {
        List<Element> sponsors = items(child(bill, "sponsors"));
        return sponsors.isEmpty() ? null : member(sponsors.get(0));
    }

    private static List<Cosponsor> cosponsors(Element bill) {
        List<Cosponsor> cosponsors = new ArrayList<>();
        for (Element item : items(child(bill, "cosponsors"))) {
            String withdrawn = text(item, "sponsorshipWithdrawnDate");
            cosponsors.add(new Cosponsor(
                    member(item),
                    date(item, "sponsorshipDate"),
                    "True".equalsIgnoreCase(text(item, "isOriginalCosponsor")),
                    withdrawn == null ? null : parseDate(withdrawn, "sponsorshipWithdrawnDate")));
        }
        return cosponsors;
    }

    /** Older files leave out party and state, which the full name also gives ("Rep. Davis, Rodney [R-IL-13]"). */
    private static Member member(Element item) {
        String fullName = required(item, "fullName");
        String party = text(item, "party");
        String state = text(item, "state");
        Matcher bracket = PARTY_AND_STATE.matcher(fullName);
        if (bracket.find()) {
            party = party != null ? party : bracket.group(1);
            state = state != null ? state : bracket.group(2);
        }
        try {
            return new Member(text(item, "bioguideId"), fullName, party, state);
        } catch (IllegalArgumentException e) {
            throw unreadable("the member '" + fullName + "': " + e.getMessage());
        }
    }

    private static List<BillTitle> titles(Element bill) {
        List<BillTitle> titles = new ArrayList<>();
        for (Element item : items(child(bill, "titles"))) {
            titles.add(new BillTitle(required(item, "titleType"), required(item, "title")));
        }
        return titles;
    }

    private static List<Law> laws(Element bill) {
        List<Law> laws = new ArrayList<>();
        for (Element item : items(child(bill, "laws"))) {
            laws.add(new Law(required(item, "type"), required(item, "number")));
        }
        return laws;
    }

    private static List<BillAction> actions(Element bill, List<RecordedVoteRef> legacyVotes) {
        List<BillAction> actions = new ArrayList<>();
        for (Element item : items(child(bill, "actions"))) {
            String text = text(item, "text");
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
                    time(text(item, "actionTime")),
                    text,
                    text(item, "type"),
                    text(item, "actionCode"),
                    source(child(item, "sourceSystem")),
                    committees(item),
                    vote));
        }
        return actions;
    }

    /** 3.0.0 files give the source's code; some of their Senate items give only its name. */
    private static ActionSource source(Element sourceSystem) {
        if (sourceSystem == null) {
            return ActionSource.OTHER;
        }
        String code = text(sourceSystem, "code");
        if (code != null) {
            return ActionSource.fromCode(code);
        }
        String name = String.valueOf(text(sourceSystem, "name")).toLowerCase(Locale.ROOT);
        if (name.equals("senate")) {
            return ActionSource.SENATE;
        }
        if (name.startsWith("house floor")) {
            return ActionSource.HOUSE_FLOOR;
        }
        if (name.startsWith("house committee")) {
            return ActionSource.HOUSE_COMMITTEE;
        }
        return name.startsWith("library of congress") ? ActionSource.LIBRARY_OF_CONGRESS : ActionSource.OTHER;
    }

    /** Legacy files name one {@code committee}; later ones list {@code committees/item}. */
    private static List<String> committees(Element item) {
        List<String> names = new ArrayList<>();
        Element single = child(item, "committee");
        if (single != null && text(single, "name") != null) {
            names.add(text(single, "name"));
        }
        for (Element committee : items(child(item, "committees"))) {
            String name = text(committee, "name");
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private static RecordedVoteRef nestedVote(Element item) {
        Element votes = child(item, "recordedVotes");
        Element first = votes == null ? null : child(votes, "recordedVote");
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

    private static List<RecordedVoteRef> recordedVotes(Element recordedVotes) {
        List<RecordedVoteRef> votes = new ArrayList<>();
        if (recordedVotes != null) {
            for (Element vote : children(recordedVotes, "recordedVote")) {
                votes.add(recordedVote(vote));
            }
        }
        return votes;
    }

    private static RecordedVoteRef recordedVote(Element vote) {
        String chamber = required(vote, "chamber").toUpperCase(Locale.ROOT);
        if (!chamber.equals("HOUSE") && !chamber.equals("SENATE")) {
            throw unreadable("a recorded vote's <chamber> is '" + chamber + "', neither House nor Senate");
        }
        LocalDate day = instant(required(vote, "date"), "date").atZone(CAPITOL).toLocalDate();
        return new RecordedVoteRef(
                Chamber.valueOf(chamber),
                number(vote, "congress"),
                number(vote, "sessionNumber"),
                number(vote, "rollNumber"),
                day);
    }

    private static LocalTime time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.endsWith("M") ? LocalTime.parse(value, LEGACY_TIME) : LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw unreadable("<actionTime> '" + value + "' is neither 12:34:56 nor 07:36PM");
        }
    }

    private static LocalDate date(Element parent, String name) {
        return parseDate(required(parent, name), name);
    }

    private static LocalDate parseDate(String value, String name) {
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw unreadable("<" + name + "> '" + value + "' is not a date like 2021-01-22");
        }
    }

    private static Instant instant(String value, String name) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw unreadable("<" + name + "> '" + value + "' is not a UTC timestamp like 2022-09-07T13:36:03Z");
        }
    }

    private static int number(Element parent, String name) {
        String value = required(parent, name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw unreadable("<" + name + "> '" + value + "' is not a number");
        }
    }

    private static String required(Element parent, String name) {
        String value = text(parent, name);
        if (value == null) {
            throw unreadable("<" + parent.getTagName() + "> has no <" + name + ">");
        }
        return value;
    }

    /** The trimmed text of a direct child, or null when the child is missing or empty. */
    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        if (child == null) {
            return null;
        }
        String value = child.getTextContent().strip();
        return value.isEmpty() ? null : value;
    }

    /** Only direct children: amendments and related bills nest elements of the same names. */
    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> items(Element list) {
        return list == null ? List.of() : children(list, "item");
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static UnreadableBillStatusException unreadable(String reason) {
        return new UnreadableBillStatusException("not a readable BILLSTATUS file: " + reason);
    }
}
