package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record WaiverExpired(String waiverId, LocalDate expiredOn, Provenance provenance) implements MeasureEvent {

    @Override
    public String measureId() {
        return waiverId;
    }
}
