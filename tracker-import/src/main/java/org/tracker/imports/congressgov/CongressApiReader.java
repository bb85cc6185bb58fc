package org.tracker.imports.congressgov;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/**
 * Reads the congress.gov API's responses about one bill into the {@link BillRecord} its BILLSTATUS file gives: the
 * same actions (newest first, Library of Congress repeats included), titles, sponsor, cosponsors and laws, so that a
 * bill polled from the API and one imported from a file are the same measure.
 */
public final class CongressApiReader {

    private CongressApiReader() {}

    /** @throws UnreadableRecordException naming what a response lacks or gets wrong */
    public static BillRecord read(BillResponses responses) {
        JsonNode bill = responses.bill().path("bill");
        if (!bill.isObject()) {
            throw unreadable("the bill's response has no 'bill' object");
        }
        BillType type;
        try {
            type = BillType.parse(required(bill, "type", "the bill"));
        } catch (IllegalArgumentException e) {
            throw unreadable("'type': " + e.getMessage());
        }
        BillId id = new BillId(type, number(bill, "number", "the bill"), number(bill, "congress", "the bill"));
        List<BillTitle> titles = titles(responses.titlePages());
        return new BillRecord(
                id,
                BillRecord.leadTitle(titles, required(bill, "title", "the bill")),
                date(bill, "introducedDate", "the bill"),
                sponsor(bill),
                cosponsors(responses.cosponsorPages()),
                titles,
                actions(responses.actionPages()),
                laws(bill),
                instant(required(bill, "updateDate", "the bill"), "updateDate"));
    }

    private static Member sponsor(JsonNode bill) {
        JsonNode sponsors = bill.path("sponsors");
        return sponsors.isArray() && !sponsors.isEmpty() ? member(sponsors.get(0)) : null;
    }

    private static List<Cosponsor> cosponsors(List<JsonNode> pages) {
        List<Cosponsor> cosponsors = new ArrayList<>();
        for (JsonNode item : items(pages, "cosponsors")) {
            String withdrawn = text(item, "sponsorshipWithdrawnDate");
            cosponsors.add(new Cosponsor(
                    member(item),
                    date(item, "sponsorshipDate", "a cosponsor"),
                    item.path("isOriginalCosponsor").asBoolean(false),
                    withdrawn == null ? null : parseDate(withdrawn, "sponsorshipWithdrawnDate")));
        }
        return cosponsors;
    }

    private static Member member(JsonNode item) {
        String fullName = required(item, "fullName", "a sponsor or cosponsor");
        try {
            return new Member(text(item, "bioguideId"), fullName, text(item, "party"), text(item, "state"));
        } catch (IllegalArgumentException e) {
            throw unreadable("the member '" + fullName + "': " + e.getMessage());
        }
    }

    private static List<BillTitle> titles(List<JsonNode> pages) {
        List<BillTitle> titles = new ArrayList<>();
        for (JsonNode item : items(pages, "titles")) {
            titles.add(new BillTitle(required(item, "titleType", "a title"), required(item, "title", "a title")));
        }
        return titles;
    }

    private static List<Law> laws(JsonNode bill) {
        List<Law> laws = new ArrayList<>();
        for (JsonNode item : bill.path("laws")) {
            laws.add(new Law(required(item, "type", "a law"), required(item, "number", "a law")));
        }
        return laws;
    }

    private static List<BillAction> actions(List<JsonNode> pages) {
        List<BillAction> actions = new ArrayList<>();
        for (JsonNode item : items(pages, "actions")) {
            String text = text(item, "text");
            if (text == null) {
                continue; // as in BILLSTATUS files, an item without text records nothing
            }
            JsonNode source = item.path("sourceSystem");
            actions.add(new BillAction(
                    date(item, "actionDate", "an action"),
                    time(text(item, "actionTime")),
                    text,
                    text(item, "type"),
                    text(item, "actionCode"),
                    ActionSources.of(text(source, "code"), text(source, "name")),
                    committees(item),
                    recordedVote(item)));
        }
        return actions;
    }

    private static List<String> committees(JsonNode action) {
        List<String> names = new ArrayList<>();
        for (JsonNode committee : action.path("committees")) {
            String name = text(committee, "name");
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** Roll-call timestamps are in UTC; the vote belongs to the legislative day in Washington. */
    private static RecordedVoteRef recordedVote(JsonNode action) {
        JsonNode votes = action.path("recordedVotes");
        if (!votes.isArray() || votes.isEmpty()) {
            return null;
        }
        JsonNode vote = votes.get(0);
        String chamber = required(vote, "chamber", "a recorded vote").toUpperCase(Locale.ROOT);
        if (!chamber.equals("HOUSE") && !chamber.equals("SENATE")) {
            throw unreadable("a recorded vote's 'chamber' is '" + chamber + "', neither House nor Senate");
        }
        return new RecordedVoteRef(
                Chamber.valueOf(chamber),
                number(vote, "congress", "a recorded vote"),
                number(vote, "sessionNumber", "a recorded vote"),
                number(vote, "rollNumber", "a recorded vote"),
                CongressTime.dayOf(instant(required(vote, "date", "a recorded vote"), "date")));
    }

    /** The items of a list that the API pages, in the order of the pages. */
    private static List<JsonNode> items(List<JsonNode> pages, String list) {
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode page : pages) {
            JsonNode found = page.path(list);
            if (!found.isArray()) {
                throw unreadable("a page of " + list + " has no '" + list + "' list");
            }
            found.forEach(items::add);
        }
        return items;
    }

    private static LocalTime time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw unreadable("'actionTime' '" + value + "' is not a time like 12:17:16");
        }
    }

    private static LocalDate date(JsonNode parent, String name, String what) {
        return parseDate(required(parent, name, what), name);
    }

    private static LocalDate parseDate(String value, String name) {
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw unreadable("'" + name + "' '" + value + "' is not a date like 2021-01-04");
        }
    }

    private static Instant instant(String value, String name) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw unreadable("'" + name + "' '" + value + "' is not a UTC timestamp like 2022-03-25T01:16:59Z");
        }
    }

    private static int number(JsonNode parent, String name, String what) {
        String value = required(parent, name, what);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw unreadable("'" + name + "' '" + value + "' is not a number");
        }
    }

    /** @param what the object the member belongs to, for the message ("an action") */
    private static String required(JsonNode parent, String name, String what) {
        String value = text(parent, name);
        if (value == null) {
            throw unreadable(what + " has no '" + name + "'");
        }
        return value;
    }

    /** A scalar member's trimmed text, or null when it is missing, null, empty or not a scalar. */
    private static String text(JsonNode parent, String name) {
        JsonNode value = parent.path(name);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static UnreadableRecordException unreadable(String reason) {
        return new UnreadableRecordException("not a readable congress.gov bill: " + reason);
    }
}
