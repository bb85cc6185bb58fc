package org.tracker.audit.export;

import java.util.List;

/**
 * What verifying an export found.
 *
 * @param selection what the export says it holds; null when not even its header could be read
 * @param eventsVerified event lines whose links held, up to the first problem
 * @param measures the closing line's measures, empty when it was not reached
 * @param ledgerDigest the closing line's digest, null when it was not reached
 * @param firstProblem null when intact
 */
public record ExportReport(
        ExportSelection selection,
        String exportedAt,
        long eventsVerified,
        List<ExportedMeasure> measures,
        String ledgerDigest,
        Problem firstProblem) {

    /** @param line the line of the file it was found on, counting from 1 */
    public record Problem(long line, String description) {}

    public boolean intact() {
        return firstProblem == null;
    }
}
