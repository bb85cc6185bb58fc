package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record WaiverRenewed(
        String waiverId, LocalDate determinedOn, LocalDate expiresOn, String justification, Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return waiverId;
    }
}
