package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReportMandated(
        String reportId,
        ReportKind kind,
        String title,
        String mandatedBy,
        String recipient,
        LocalDate dueOn,
        Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return reportId;
    }
}
