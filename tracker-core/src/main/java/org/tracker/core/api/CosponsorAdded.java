package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CosponsorAdded(
        String billId, Member cosponsor, LocalDate sponsoredOn, boolean original, Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return billId;
    }
}
