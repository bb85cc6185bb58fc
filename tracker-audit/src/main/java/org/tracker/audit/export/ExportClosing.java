package org.tracker.audit.export;

import java.util.List;

/**
 * The last line of an export. Without it a file cut short would still verify.
 *
 * @param events how many event lines the export holds
 * @param measures one per measure in the export, in the order of their ids
 * @param ledgerDigest hex digest over every measure's head in the store when it was exported
 */
public record ExportClosing(long events, List<ExportedMeasure> measures, String ledgerDigest) {}
