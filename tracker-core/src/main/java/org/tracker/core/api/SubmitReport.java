package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param documentUrl where the submitted text can be read, if it is public */
public record SubmitReport(
        @TargetAggregateIdentifier String reportId, LocalDate submittedOn, String documentUrl, Provenance provenance)
        implements FactCommand {

    public SubmitReport {
        MeasureIds.require(MeasureKind.REPORT, reportId, "reportId");
        Require.text(documentUrl, "documentUrl", FactLimits.SOURCE);
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.happened(submittedOn, "submittedOn");
    }

    @Override
    public String targetMeasureId() {
        return reportId;
    }

    @Override
    public LocalDate factDate() {
        return submittedOn;
    }
}
