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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.tracker.api.batch.CommandBatch;
import org.tracker.core.api.ActionSource;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.IntroduceBill;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.RecordBillAction;

/**
 * Real commands through Axon's gateway, as the REST layer sends them: each bill is introduced, referred to a
 * committee (which also moves its status, so that command appends two events) and then given eight more actions with
 * texts of their own, so that none is a fact the bill already knows.
 */
final class CommandLoad {

    static final int COMMANDS_PER_BILL = 10;

    private static final LocalDate INTRODUCED_ON = LocalDate.of(2025, 1, 6);
    private static final String SOURCE = "tracker-bench";

    private final CommandGateway gateway;
    private final AtomicLong sent = new AtomicLong();

    CommandLoad(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Commands sent so far, over all calls. */
    long sent() {
        return sent.get();
    }

    /**
     * Sends the commands of bills {@code firstBill} to {@code firstBill + bills - 1} on {@code threads} threads. Each
     * thread owns whole bills, so no two threads contend for one aggregate and each bill's actions keep their order.
     */
    void send(int firstBill, int bills, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int worker = 0; worker < threads; worker++) {
                int offset = worker;
                workers.add(pool.submit(() -> {
                    for (int bill = firstBill + offset; bill < firstBill + bills; bill += threads) {
                        record(bill);
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
    }

    /**
     * Sends the commands of bills {@code firstBill} to {@code firstBill + bills - 1} on this thread, {@code
     * billsPerBatch} bills' worth at a time through the tracker's {@link CommandBatch}: one unit of work and one
     * transaction per batch.
     */
    void sendInBatches(CommandBatch batch, int firstBill, int bills, int billsPerBatch) {
        for (int first = firstBill; first < firstBill + bills; first += billsPerBatch) {
            List<Object> commands = new ArrayList<>();
            for (int bill = first; bill < Math.min(first + billsPerBatch, firstBill + bills); bill++) {
                commands.addAll(commandsFor(bill));
            }
            batch.sendAll(commands);
            sent.addAndGet(commands.size());
        }
    }

    private void record(int number) {
        for (Object command : commandsFor(number)) {
            gateway.sendAndWait(command);
            sent.incrementAndGet();
        }
    }

    private static List<Object> commandsFor(int number) {
        String billId = "hr" + number + "-119";
        List<Object> commands = new ArrayList<>(COMMANDS_PER_BILL);
        commands.add(
                new IntroduceBill(billId, "Benchmark bill " + number, INTRODUCED_ON, null, provenance(INTRODUCED_ON)));
        for (int step = 1; step < COMMANDS_PER_BILL; step++) {
            LocalDate date = INTRODUCED_ON.plusDays(step);
            String text = step == 1
                    ? "Referred to the House Committee on Foreign Affairs."
                    : "Benchmark note " + step + " on " + billId + ".";
            BillAction action = new BillAction(date, null, text, null, null, ActionSource.HOUSE_FLOOR, null, null);
            commands.add(new RecordBillAction(billId, action, provenance(date)));
        }
        return commands;
    }

    private static Provenance provenance(LocalDate effective) {
        return new Provenance(effective.atStartOfDay().toInstant(ZoneOffset.UTC), Instant.now(), SOURCE, SOURCE);
    }
}
