/**
 * The command line behind {@code ./tracker import}: a plain main class, run with {@code java -cp}, that needs no
 * Spring and no database. With {@code --dry-run} it reads files here with the same readers and status rules as the
 * tracker; otherwise it posts them to a running tracker's {@code POST /api/imports}, which imports each through the
 * same readers, so the two never disagree on what a file says.
 */
package org.tracker.imports.cli;
