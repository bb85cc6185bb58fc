package org.tracker.imports.file;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import org.tracker.imports.SizeLimit;
import org.tracker.imports.UnreadableRecordException;
import org.tracker.imports.billstatus.BillStatusReader;
import org.tracker.imports.rollcall.HouseRollCallReader;
import org.tracker.imports.rollcall.SenateRollCallReader;

/**
 * Reads a file of any kind the tracker imports: it tells the kind from the file's root element and hands the file to
 * that kind's reader. Every entry point (the command line, the HTTP endpoint, the watched directory) reads here.
 */
public final class RecordFiles {

    /**
     * The default largest file: sixteen times the largest BILLSTATUS file in the fixtures, room for an omnibus bill's
     * thousands of actions.
     */
    public static final long DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

    private final SizeLimit limit;
    private final BillStatusReader billStatus;
    private final SenateRollCallReader senate;
    private final HouseRollCallReader house;

    public RecordFiles(long maxBytes) {
        this.limit = new SizeLimit(maxBytes, "file of the official record");
        this.billStatus = new BillStatusReader(maxBytes);
        this.senate = new SenateRollCallReader(maxBytes);
        this.house = new HouseRollCallReader(maxBytes);
    }

    /**
     * @throws UnreadableRecordException when the file is over the size limit, refused (a DOCTYPE where none belongs,
     *     declarations, entities), or not a readable record of a kind the tracker imports
     */
    public OfficialRecord read(Path file) {
        return read(limit.read(file));
    }

    /**
     * Reads no further than one byte past the limit.
     *
     * @throws UnreadableRecordException as {@link #read(Path)}
     */
    public OfficialRecord read(InputStream in) {
        return read(limit.read(in));
    }

    /**
     * A value the domain refuses while the file is read (a bill numbered 0, a Congress of 0) makes the file
     * unreadable with the domain's reason, whichever reader met it: the readers check the shape of a record, the
     * domain's types what its values may be.
     *
     * @throws UnreadableRecordException as {@link #read(Path)}
     */
    public OfficialRecord read(byte[] content) {
        InputStream in = new ByteArrayInputStream(content);
        RecordKind kind = RecordKind.of(content);
        try {
            return switch (kind) {
                case BILLSTATUS -> new OfficialRecord.OfBill(billStatus.read(in));
                case SENATE_ROLL_CALL -> new OfficialRecord.OfRollCall(senate.read(in));
                case HOUSE_ROLL_CALL -> new OfficialRecord.OfRollCall(house.read(in));
            };
        } catch (IllegalArgumentException refused) {
            throw new UnreadableRecordException(
                    "not a readable " + kind.description() + ": " + refused.getMessage(), refused);
        }
    }
}
