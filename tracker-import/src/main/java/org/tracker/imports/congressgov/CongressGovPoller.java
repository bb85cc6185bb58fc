package org.tracker.imports.congressgov;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.tracker.core.api.BillId;
import org.tracker.core.api.BillType;
import org.tracker.imports.UnreadableRecordException;
import org.tracker.imports.bill.BillRecord;

/**
 * Finds the bills congress.gov updated since the last poll and hands on those whose content changed.
 *
 * <p>Each poll lists the bills updated in a window ({@code fromDateTime} to {@code toDateTime}) page by page, fetches
 * each one's description, actions, cosponsors and titles, and compares a hash of them with the one kept from the last
 * time: congress.gov moves a bill's update date whenever it reprocesses the record, so the date says where to look,
 * and the content says whether anything happened. The window starts a little before the last one ended, so that a
 * record the API indexes late is still found; the content hash keeps the overlap from handing a bill on twice.
 *
 * <p>A bill's committees are not asked for: each action already names the committees it concerns, and a {@link
 * BillRecord} holds nothing else of them, so the request would cost a fifth of the hourly allowance for nothing.
 *
 * <p>A window is closed only once the whole list has been read and every changed bill handed on: a failure of the API
 * or of the consumer stops the poll, and the next one goes over the same window again.
 */
public final class CongressGovPoller {

    private static final int PAGE_SIZE = 250;

    private final CongressGovClient api;
    private final PollerState state;
    private final Clock clock;
    private final Instant firstWindowStart;
    private final Duration overlap;

    /**
     * @param firstWindowStart where the first poll starts, when the state remembers no window
     * @param overlap how far before the end of the last window the next one starts
     */
    public CongressGovPoller(
            CongressGovClient api, PollerState state, Clock clock, Instant firstWindowStart, Duration overlap) {
        this.api = Objects.requireNonNull(api);
        this.state = Objects.requireNonNull(state);
        this.clock = Objects.requireNonNull(clock);
        this.firstWindowStart = Objects.requireNonNull(firstWindowStart);
        this.overlap = Objects.requireNonNull(overlap);
    }

    /**
     * Polls one window and hands each changed bill to the consumer, in the order the API lists them. A bill's hash is
     * kept once the consumer returns, so a bill the consumer fails on is handed on again by the next poll.
     *
     * @throws CongressGovUnavailableException when the API fails; nothing after the failure is handed on
     */
    public PollSummary poll(Consumer<PolledBill> changedBills) throws InterruptedException {
        Instant to = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant from = state.windowEnd().map(end -> end.minus(overlap)).orElse(firstWindowStart);
        URI page = api.uri("bill?format=json&limit=" + PAGE_SIZE + "&sort=updateDate+asc&fromDateTime=" + from
                + "&toDateTime=" + to);

        Set<BillId> listed = new HashSet<>();
        List<BillId> changed = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int unchanged = 0;
        long firstCount = -1;
        boolean listMoved = false;
        while (page != null) {
            JsonNode list = api.get(page);
            long count = list.path("pagination").path("count").asLong(-1);
            if (firstCount < 0) {
                firstCount = count;
            } else if (count != firstCount) {
                listMoved = true;
            }
            for (JsonNode item : list.path("bills")) {
                BillId id;
                try {
                    id = listedBill(item);
                } catch (IllegalArgumentException | UnreadableRecordException e) {
                    unreadable.add("an item of " + page + ": " + e.getMessage());
                    continue;
                }
                if (!listed.add(id)) {
                    continue; // a list that moves between pages can name a bill twice
                }
                URI source = api.uri(billPath(id) + "?format=json");
                BillResponses responses;
                BillRecord record;
                try {
                    responses = fetch(id, source);
                    record = CongressApiReader.read(responses);
                } catch (UnreadableRecordException e) {
                    unreadable.add(id + ": " + e.getMessage());
                    continue;
                }
                String hash = ContentHash.of(responses);
                if (state.contentHash(id).filter(hash::equals).isPresent()) {
                    unchanged++;
                    continue;
                }
                changedBills.accept(new PolledBill(record, source));
                state.recordContentHash(id, hash);
                changed.add(id);
            }
            page = api.next(list);
        }
        if (!listMoved) {
            state.recordWindowEnd(to);
        }
        return new PollSummary(from, to, listed.size(), changed, unchanged, unreadable, !listMoved);
    }

    private static BillId listedBill(JsonNode item) {
        String type = item.path("type").asText();
        String number = item.path("number").asText();
        String congress = item.path("congress").asText();
        try {
            return new BillId(BillType.parse(type), Integer.parseInt(number), Integer.parseInt(congress));
        } catch (NumberFormatException e) {
            throw new UnreadableRecordException(
                    "a listed bill's number '" + number + "' or Congress '" + congress + "' is not a number");
        }
    }

    private BillResponses fetch(BillId id, URI source) throws InterruptedException {
        String path = billPath(id);
        JsonNode bill = api.get(source);
        JsonNode cosponsorCount = bill.path("bill").path("cosponsors").path("countIncludingWithdrawnCosponsors");
        return new BillResponses(
                bill,
                api.pages(api.uri(path + "/actions?format=json&limit=" + PAGE_SIZE)),
                cosponsorCount.asInt(0) > 0
                        ? api.pages(api.uri(path + "/cosponsors?format=json&limit=" + PAGE_SIZE))
                        : List.of(),
                api.pages(api.uri(path + "/titles?format=json&limit=" + PAGE_SIZE)));
    }

    private static String billPath(BillId id) {
        return "bill/" + id.congress() + "/" + id.type().code() + "/" + id.number();
    }
}
