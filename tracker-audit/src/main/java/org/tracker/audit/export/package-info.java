/**
 * Exports of a measure's events, or of the events recorded in a time range, as JSON Lines that anyone can verify
 * offline with {@code ./tracker verify FILE}: each line carries the stored bytes of one event with its link, and the
 * last line the heads of the measures exported and the ledger digest, which anchor the file to the store it came
 * from. The writer and the verifier share the format here, so the two cannot drift apart.
 */
package org.tracker.audit.export;
