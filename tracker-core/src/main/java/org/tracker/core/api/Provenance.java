package org.tracker.core.api;

import java.time.Instant;
import java.util.Objects;

/**
 * When a fact happened, when the tracker learned it, where it came from and who submitted it. Every event carries
 * one, so that an auditor can tell what was known when.
 *
 * @param effectiveAt when the fact took effect in the world (for a dated action without a time: the start of that
 *     day in Washington)
 * @param recordedAt when the tracker accepted it
 * @param source where it came from: a URL, a file name, or {@code seed:...} for facts shipped with the tracker
 * @param submittedBy the account that submitted it
 */
public record Provenance(Instant effectiveAt, Instant recordedAt, String source, String submittedBy) {

    public Provenance {
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must name where the fact came from");
        }
        Objects.requireNonNull(submittedBy, "submittedBy");
    }
}
