package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MouAmended(String mouId, LocalDate amendedOn, String description, Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return mouId;
    }
}
