package org.tracker.api.imports;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tracker.api.batch.CommandBatch;
import org.tracker.core.api.FactRejected;
import org.tracker.imports.ImportedFrom;
import org.tracker.imports.UnreadableRecordException;
import org.tracker.imports.congressgov.PolledBill;
import org.tracker.imports.file.FileOutcome;
import org.tracker.imports.file.OfficialRecord;
import org.tracker.imports.file.RecordFiles;

/**
 * Imports one record at a time, each in one transaction: its bill's update date and all the events its facts append
 * commit together, or nothing does. Every entry point imports here.
 *
 * <p>A record's facts go as commands through {@link CommandBatch}, so each is checked by its measure's aggregate, which
 * appends nothing for a fact it knows: the same file twice appends nothing, and a newer version only what changed. A
 * bill record older than the newest imported for that bill is skipped, as it could only repeat or undo what is known.
 */
@Service
public class RecordImporter {

    private static final Logger log = LoggerFactory.getLogger(RecordImporter.class);

    private final RecordFiles files;
    private final CommandBatch batch;
    private final EventStore eventStore;
    private final BillUpdateDates billUpdates;
    private final TransactionTemplate transactions;
    private final Cache measureCache;
    private final Clock clock;

    RecordImporter(
            ImportProperties properties,
            CommandBatch batch,
            EventStore eventStore,
            BillUpdateDates billUpdates,
            PlatformTransactionManager transactions,
            @Qualifier("measureCache") Cache measureCache,
            Clock clock) {
        this.files = new RecordFiles(properties.maxFileBytes());
        this.batch = batch;
        this.eventStore = eventStore;
        this.billUpdates = billUpdates;
        this.transactions = new TransactionTemplate(transactions);
        this.measureCache = measureCache;
        this.clock = clock;
    }

    /**
     * Reads and imports one file. A file that is refused, unreadable, or whose facts contradict what is known is
     * rejected with the reason, and so is one the tracker fails to store: whatever happens, nothing of a rejected
     * file is imported.
     *
     * @param name the file's name, recorded as the source of its facts
     * @param account who submits it
     */
    public FileOutcome importFile(String name, byte[] content, String account) {
        OfficialRecord record;
        try {
            record = files.read(content);
        } catch (UnreadableRecordException e) {
            return FileOutcome.rejected(name, e.getMessage());
        }
        return importReadFile(name, record, account);
    }

    /** As {@link #importFile(String, byte[], String)}, for a file read no further than the size limit. */
    public FileOutcome importFile(String name, InputStream content, String account) {
        OfficialRecord record;
        try {
            record = files.read(content);
        } catch (UnreadableRecordException | UncheckedIOException e) {
            return FileOutcome.rejected(name, e.getMessage());
        }
        return importReadFile(name, record, account);
    }

    /** As {@link #importFile(String, byte[], String)}, for a file that is refused before any of it is read. */
    public FileOutcome importFile(Path file, String account) {
        String name = file.getFileName().toString();
        OfficialRecord record;
        try {
            record = files.read(file);
        } catch (UnreadableRecordException | UncheckedIOException e) {
            return FileOutcome.rejected(name, e.getMessage());
        }
        return importReadFile(name, record, account);
    }

    /**
     * Imports a bill that the congress.gov poller found changed, rejecting it when its facts contradict what is known.
     *
     * @throws RuntimeException when the tracker fails to store it, so that the poll stops and the next one asks again
     */
    public FileOutcome importPolled(PolledBill polled, String account) {
        String source = polled.source().toString();
        return importRecord(
                source, new OfficialRecord.OfBill(polled.record()), new ImportedFrom(source, clock.instant(), account));
    }

    private FileOutcome importReadFile(String name, OfficialRecord record, String account) {
        try {
            return importRecord(name, record, new ImportedFrom(name, clock.instant(), account));
        } catch (RuntimeException e) {
            log.error("{} could not be recorded", name, e);
            return FileOutcome.rejected(
                    name,
                    "the tracker could not record it (" + e.getClass().getSimpleName()
                            + "); nothing of it was imported; send it again, and tell an operator if this persists");
        }
    }

    /** Aggregates refuse a fact that contradicts what they know as FactRejected, and an invalid one as the other. */
    private FileOutcome importRecord(String name, OfficialRecord record, ImportedFrom origin) {
        try {
            return transactions.execute(status -> record(name, record, origin));
        } catch (FactRejected | IllegalArgumentException e) {
            return FileOutcome.rejected(name, e.getMessage());
        }
    }

    private FileOutcome record(String name, OfficialRecord record, ImportedFrom origin) {
        String measure = record.measureId();
        if (record.updatedAt() != null && !billUpdates.advance(measure, record.updatedAt())) {
            return FileOutcome.older(name, measure);
        }
        Optional<Long> before = eventStore.lastSequenceNumberFor(measure);
        evictIfRolledBack(measure);
        batch.sendAll(record.commands(origin));
        long after = eventStore.lastSequenceNumberFor(measure).orElseThrow();
        return FileOutcome.recorded(name, measure, before.isEmpty(), after - before.orElse(-1L), record.leftOut());
    }

    /**
     * The batch's unit of work ends inside this transaction: Axon caches the measure with its new events before the
     * database commits them. Should the commit still fail, the cached measure goes, or it would claim facts that the
     * store does not hold.
     */
    private void evictIfRolledBack(String measure) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    measureCache.remove(measure);
                }
            }
        });
    }
}
