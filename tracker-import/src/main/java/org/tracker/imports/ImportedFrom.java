package org.tracker.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import org.tracker.core.api.CongressTime;
import org.tracker.core.api.Provenance;

/**
 * Where an imported record came from, when the tracker read it and on whose behalf: what every command made from the
 * record shares. Each fact still takes effect at its own date.
 *
 * @param source the file or URL the record was read from
 */
public record ImportedFrom(String source, Instant recordedAt, String submittedBy) {

    public ImportedFrom {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("an import names the file or URL it read");
        }
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(submittedBy, "submittedBy");
    }

    /** For a fact the record dates but does not time: the start of that day in Washington. */
    public Provenance effectiveOn(LocalDate day) {
        return effectiveAt(day, null);
    }

    /** @param time Washington time, or null when the record gives only the day */
    public Provenance effectiveAt(LocalDate day, LocalTime time) {
        Instant effective = time == null ? CongressTime.startOf(day) : CongressTime.at(day, time);
        return new Provenance(effective, recordedAt, source, submittedBy);
    }
}
