package org.tracker.imports.file;

import java.util.List;
import java.util.Objects;

/**
 * What importing one file did.
 *
 * @param file the file's name, as the importer was given it
 * @param measureId the measure the file describes, or null when the file could not be read
 * @param eventsAppended how many events the file's facts appended to the measure's history
 * @param leftOut what the file says that was not recorded, each with why (see {@link OfficialRecord#leftOut()})
 * @param reason why the file was rejected, in words a person can act on; null unless rejected
 */
public record FileOutcome(
        String file, String measureId, Outcome outcome, long eventsAppended, List<String> leftOut, String reason) {

    public enum Outcome {
        /** The measure was new: the file introduced it. */
        CREATED,
        /** The measure was known and the file added to what is known of it. */
        UPDATED,
        /** Everything the file says was already known. */
        UNCHANGED,
        /** A newer record of the measure was imported before: the file changed nothing. */
        OLDER,
        /** The file was refused or could not be read or recorded; nothing of it was imported. */
        REJECTED
    }

    public FileOutcome {
        Objects.requireNonNull(file, "a file name");
        Objects.requireNonNull(outcome, "an outcome");
        leftOut = leftOut == null ? List.of() : List.copyOf(leftOut);
    }

    public static FileOutcome recorded(
            String file, String measureId, boolean created, long eventsAppended, List<String> leftOut) {
        Outcome outcome = created ? Outcome.CREATED : eventsAppended > 0 ? Outcome.UPDATED : Outcome.UNCHANGED;
        return new FileOutcome(file, measureId, outcome, eventsAppended, leftOut, null);
    }

    public static FileOutcome older(String file, String measureId) {
        return new FileOutcome(file, measureId, Outcome.OLDER, 0, List.of(), null);
    }

    public static FileOutcome rejected(String file, String reason) {
        return new FileOutcome(file, null, Outcome.REJECTED, 0, List.of(), reason);
    }

    public boolean wasRejected() {
        return outcome == Outcome.REJECTED;
    }
}
