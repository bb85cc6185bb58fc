package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** @param late whether it arrived after it was due */
@Revision("1")
public record ReportSubmitted(
        String reportId, LocalDate submittedOn, String documentUrl, boolean late, Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return reportId;
    }
}
