package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MouExpired(String mouId, LocalDate expiredOn, Provenance provenance) implements MeasureEvent {

    @Override
    public String measureId() {
        return mouId;
    }
}
