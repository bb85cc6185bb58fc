package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record WaiverInvoked(
        String waiverId,
        String subject,
        LocalDate determinedOn,
        LocalDate effectiveOn,
        LocalDate expiresOn,
        String justification,
        Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return waiverId;
    }
}
