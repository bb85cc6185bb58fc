package org.tracker.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.tracker.api.batch.CommandBatch;
import org.tracker.core.api.ActionSource;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.Chamber;
import org.tracker.core.api.IntroduceBill;
import org.tracker.core.api.MandateReport;
import org.tracker.core.api.Member;
import org.tracker.core.api.MemberVote;
import org.tracker.core.api.NotifyArmsSale;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.RecordBillAction;
import org.tracker.core.api.RecordRollCallVote;
import org.tracker.core.api.ReportKind;
import org.tracker.core.api.VoteCategory;
import org.tracker.core.api.VotePosition;
import org.tracker.core.api.VoteTotals;

/**
 * What the pages benchmark loads, through the tracker's {@link CommandBatch} as the other benchmarks do: bills of the
 * 119th Congress introduced over two years, most referred to a committee and some passed by the House (each a status
 * change), with a note or two; every 50th with a title on one of a few subjects, for the text search; one bill with a
 * long history and a roll call of the whole House on it; and arms sales and reports whose deadlines fall in the next
 * weeks, for the deadlines page.
 */
final class PageLoad {

    /** Words that each title a few hundredths of the bills, for the text search; the benchmark searches the first. */
    static final List<String> SUBJECTS = List.of(
            "hypersonic",
            "semiconductor",
            "shipbuilding",
            "cybersecurity",
            "biodefense",
            "satellite",
            "munitions",
            "submarine",
            "drone",
            "telecommunications",
            "uranium",
            "lithium",
            "pandemic",
            "wildfire",
            "broadband",
            "fentanyl",
            "artillery",
            "icebreaker",
            "desalination",
            "vaccine");

    static final int SUBJECT_EVERY = 50;
    static final String VOTE_ID = "vote-h119.2-300";
    static final int ARMS_SALES = 40;
    static final int REPORTS = 40;

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 6);
    private static final int DAYS = 660;
    private static final int HISTORY = 30;
    private static final int BILLS_PER_BATCH = 20;
    private static final String SOURCE = "tracker-bench-pages";

    private final int bills;
    private final LocalDate today;
    private final AtomicLong sent = new AtomicLong();

    /** @param today the day it is in Washington: the deadlines are placed around it */
    PageLoad(int bills, LocalDate today) {
        this.bills = bills;
        this.today = today;
    }

    long sent() {
        return sent.get();
    }

    /** The number of the bill with the long history and the roll call: H.R. 1229 when there are as many bills. */
    int showcaseNumber() {
        return bills >= 1229 ? 1229 : (bills + 1) / 2;
    }

    String showcaseBill() {
        return billId(showcaseNumber());
    }

    static String billId(int number) {
        return "hr" + number + "-119";
    }

    /** Every measure it creates: the bills, the roll call, the arms sales and the reports. */
    int measures() {
        return bills + 1 + ARMS_SALES + REPORTS;
    }

    /** Sends everything on {@code threads} threads, each owning whole batches of bills. */
    void send(CommandBatch batch, int threads) throws InterruptedException {
        List<List<Object>> batches = new ArrayList<>();
        for (int first = 1; first <= bills; first += BILLS_PER_BATCH) {
            List<Object> commands = new ArrayList<>();
            for (int number = first; number < Math.min(first + BILLS_PER_BATCH, bills + 1); number++) {
                commands.addAll(billCommands(number));
            }
            batches.add(commands);
        }
        List<Object> others = new ArrayList<>();
        others.addAll(showcaseHistory());
        for (int k = 1; k <= ARMS_SALES; k++) {
            others.add(armsSale(k));
        }
        for (int k = 1; k <= REPORTS; k++) {
            others.add(report(k));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int worker = 0; worker < threads; worker++) {
                int offset = worker;
                workers.add(pool.submit(() -> {
                    for (int i = offset; i < batches.size(); i += threads) {
                        batch.sendAll(batches.get(i));
                        sent.addAndGet(batches.get(i).size());
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a command failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        batch.sendAll(others);
        sent.addAndGet(others.size());
    }

    private List<Object> billCommands(int number) {
        String billId = billId(number);
        // Spread over the Congress so far, in no order of their numbers, so that the newest-first list sorts for real.
        // The showcase is introduced early, before its long history.
        LocalDate introduced = number == showcaseNumber() ? FIRST_DAY : FIRST_DAY.plusDays((number * 7919L) % DAYS);
        String title = number % SUBJECT_EVERY == 0
                ? "To strengthen " + SUBJECTS.get((number / SUBJECT_EVERY) % SUBJECTS.size())
                        + " cooperation with allies, bill " + number
                : "Benchmark bill " + number;
        List<Object> commands = new ArrayList<>();
        commands.add(new IntroduceBill(billId, title, introduced, null, provenance(introduced)));
        LocalDate day = introduced;
        if (number % 3 != 0) {
            day = day.plusDays(1);
            commands.add(action(billId, day, "Referred to the House Committee on Foreign Affairs."));
        }
        day = day.plusDays(1 + number % 9);
        commands.add(action(billId, day, "Benchmark note on " + billId + "."));
        if (number % 10 == 0) {
            day = day.plusDays(7);
            commands.add(action(billId, day, "Passed House by voice vote."));
        }
        if (number % 4 == 0) {
            day = day.plusDays(3);
            commands.add(action(billId, day, "Second benchmark note on " + billId + "."));
        }
        return commands;
    }

    /** The showcase bill's long history, and the roll call of the whole House on it. */
    private List<Object> showcaseHistory() {
        String billId = showcaseBill();
        LocalDate day = LocalDate.of(2026, 3, 2);
        List<Object> commands = new ArrayList<>();
        for (int step = 1; step <= HISTORY; step++) {
            commands.add(action(billId, day.plusDays(step), "Benchmark history step " + step + " of " + billId + "."));
        }
        LocalDate voted = LocalDate.of(2026, 6, 10);
        List<MemberVote> positions = new ArrayList<>();
        int yea = 0;
        int nay = 0;
        for (int seat = 1; seat <= 435; seat++) {
            VotePosition position = seat % 5 == 0 ? VotePosition.NAY : VotePosition.YEA;
            if (position == VotePosition.YEA) {
                yea++;
            } else {
                nay++;
            }
            positions.add(new MemberVote(
                    new Member(
                            String.format("B%06d", seat),
                            "Member " + seat,
                            seat % 2 == 0 ? "D" : "R",
                            List.of("CA", "TX", "NY", "FL", "OH").get(seat % 5)),
                    position));
        }
        commands.add(new RecordRollCallVote(
                VOTE_ID,
                Chamber.HOUSE,
                119,
                2,
                300,
                voted,
                null,
                "On Passage",
                VoteCategory.PASSAGE,
                "Passed",
                new VoteTotals(yea, nay, 0, 0),
                positions,
                billId,
                provenance(voted)));
        return commands;
    }

    /** Notified in the last 25 days: its review closes in the next weeks. */
    private NotifyArmsSale armsSale(int k) {
        LocalDate notified = today.minusDays(k % 25);
        return new NotifyArmsSale(
                "armssale-26-" + (100 + k),
                "26-" + (100 + k),
                "Benchmark Republic " + k,
                "Benchmark articles " + k,
                1_000_000L * k,
                notified,
                provenance(notified));
    }

    /** Due in the next 90 days. */
    private MandateReport report(int k) {
        return new MandateReport(
                "report-bench-" + k,
                ReportKind.REPORT,
                "Benchmark report " + k,
                billId(1),
                "appropriate congressional committees",
                today.plusDays(1 + (k * 7L) % 85),
                provenance(today));
    }

    private static RecordBillAction action(String billId, LocalDate date, String text) {
        return new RecordBillAction(
                billId,
                new BillAction(date, null, text, null, null, ActionSource.HOUSE_FLOOR, null, null),
                provenance(date));
    }

    private static Provenance provenance(LocalDate effective) {
        return new Provenance(effective.atStartOfDay().toInstant(ZoneOffset.UTC), Instant.now(), SOURCE, SOURCE);
    }
}
