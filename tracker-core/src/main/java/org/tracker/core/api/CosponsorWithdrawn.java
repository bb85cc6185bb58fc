package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CosponsorWithdrawn(String billId, String bioguideId, LocalDate withdrawnOn, Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return billId;
    }
}
