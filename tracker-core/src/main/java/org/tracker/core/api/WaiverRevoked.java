package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record WaiverRevoked(String waiverId, LocalDate revokedOn, String reason, Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return waiverId;
    }
}
