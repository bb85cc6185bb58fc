/**
 * Files of the official record as the tracker's entry points receive them: of which kind a file is ({@link
 * org.tracker.imports.file.RecordKind}, from its root element), what it says about its one measure ({@link
 * org.tracker.imports.file.OfficialRecord}, read by {@link org.tracker.imports.file.RecordFiles} with the reader of
 * its kind), and what importing it did ({@link org.tracker.imports.file.FileOutcome}, {@link
 * org.tracker.imports.file.ImportSummary}), which the HTTP endpoint answers and the command line prints.
 */
package org.tracker.imports.file;
