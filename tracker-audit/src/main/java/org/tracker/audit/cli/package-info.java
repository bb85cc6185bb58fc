/**
 * The command line behind {@code ./tracker verify}: a plain main class, run with {@code java -cp}, that needs no
 * Spring and no database. Without a file it asks the running tracker to walk its chain; with one it verifies an
 * export here, so that an auditor who received the file needs nothing else.
 */
package org.tracker.audit.cli;
