package org.tracker.imports.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tracker.core.api.FactCalendar;
import org.tracker.core.api.FactCommand;
import org.tracker.core.status.BillStatusRules;
import org.tracker.core.status.VoteOutcome;
import org.tracker.imports.ImportedFrom;
import org.tracker.imports.UnreadableRecordException;
import org.tracker.imports.bill.BillRecord;
import org.tracker.imports.file.OfficialRecord;
import org.tracker.imports.file.RecordFiles;

/**
 * Reads files without a tracker and prints one line per measure, {@code <id><TAB><status>}, so that anyone can check
 * what a file would give before importing it. A bill's status comes from tracker-core's rules applied to the actions
 * the tracker records of it, as the tracker derives it; a roll call's is CARRIED or FAILED, as the tracker shows a
 * vote.
 *
 * <p>Where several files describe one measure, the newest record is the one shown, as the tracker keeps it: an older
 * record imported after a newer one changes nothing. Rejected files are named on the error stream with the reason.
 */
final class DryRun {

    private final RecordFiles files;

    DryRun(RecordFiles files) {
        this.files = files;
    }

    /** @return 0 when every file was read, 1 when some were rejected */
    int run(List<Path> paths, PrintStream out, PrintStream err) {
        Map<String, Read> newest = new LinkedHashMap<>();
        int rejected = 0;
        for (Path path : paths) {
            try {
                OfficialRecord record = files.read(path);
                checkFacts(record, path);
                Read read = new Read(record, status(record));
                newest.merge(record.measureId(), read, (known, other) -> isOlder(other, known) ? known : other);
            } catch (UnreadableRecordException | IllegalArgumentException | UncheckedIOException e) {
                err.println(path + ": " + e.getMessage());
                rejected++;
            }
        }
        newest.forEach((measure, read) -> out.println(measure + "\t" + read.status()));
        out.flush();
        return rejected == 0 ? 0 : 1;
    }

    /**
     * Makes the commands an import would send and checks them as the tracker does, dates against today, so that a
     * file the tracker would reject is named here too.
     *
     * @throws IllegalArgumentException naming the first fact the tracker would refuse
     */
    private static void checkFacts(OfficialRecord record, Path path) {
        Instant now = Instant.now();
        FactCalendar calendar = FactCalendar.at(now);
        for (Object command : record.commands(new ImportedFrom(path.toString(), now, "dry-run"))) {
            if (command instanceof FactCommand fact) {
                calendar.check(fact);
            }
        }
    }

    /**
     * @throws IllegalArgumentException for a roll call whose result says neither carried nor failed, which the
     *     tracker refuses too
     */
    private static String status(OfficialRecord record) {
        if (record instanceof OfficialRecord.OfBill ofBill) {
            BillRecord bill = ofBill.asRecorded();
            return BillStatusRules.current(bill.id().type(), bill.title(), bill.actions())
                    .code();
        }
        OfficialRecord.OfRollCall ofRollCall = (OfficialRecord.OfRollCall) record;
        return VoteOutcome.carried(ofRollCall.rollCall().result()) ? "CARRIED" : "FAILED";
    }

    /** Records that give no update date (roll calls) are taken in the order given, as corrections would be. */
    private static boolean isOlder(Read read, Read known) {
        return read.record().updatedAt() != null
                && known.record().updatedAt() != null
                && read.record().updatedAt().isBefore(known.record().updatedAt());
    }

    private record Read(OfficialRecord record, String status) {}
}
