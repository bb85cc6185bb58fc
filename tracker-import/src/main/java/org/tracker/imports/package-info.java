/**
 * Reads the official record of Congress (GPO's BILLSTATUS files, the congress.gov API, the Senate's and the House
 * Clerk's roll calls) into tracker-core's commands, without Spring, so that the command line, the HTTP endpoint, a
 * watched directory and the poller all import the same way.
 *
 * <p>What every reader shares lives here: the refusal of inputs over a size limit ({@link
 * org.tracker.imports.SizeLimit}), the one exception for a refused or unreadable input ({@link
 * org.tracker.imports.UnreadableRecordException}), and the provenance of what was read ({@link
 * org.tracker.imports.ImportedFrom}).
 */
package org.tracker.imports;
