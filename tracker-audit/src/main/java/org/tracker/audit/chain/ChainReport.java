package org.tracker.audit.chain;

/**
 * What a walk of the whole store found: {@code ./tracker verify} prints it, and exits 1 unless it is intact.
 *
 * @param eventsChecked events whose links held, up to the first problem
 * @param measuresChecked measures those events belong to
 * @param ledgerDigest hex SHA-256 over every measure's head at the time of the walk (see {@link LedgerDigest})
 * @param firstProblem null when intact
 */
public record ChainReport(
        boolean intact, long eventsChecked, long measuresChecked, String ledgerDigest, Tampering firstProblem) {}
