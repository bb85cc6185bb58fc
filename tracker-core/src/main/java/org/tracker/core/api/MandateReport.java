package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A report or certification that a law or directive requires by a date.
 *
 * @param mandatedBy the measure or law that requires it ({@code hr7645-119}, {@code NSM-20})
 * @param recipient who must receive it ({@code appropriate congressional committees})
 */
public record MandateReport(
        @TargetAggregateIdentifier String reportId,
        ReportKind kind,
        String title,
        String mandatedBy,
        String recipient,
        LocalDate dueOn,
        Provenance provenance)
        implements FactCommand {

    public MandateReport {
        MeasureIds.require(MeasureKind.REPORT, reportId, "reportId");
        Require.text(title, "title", FactLimits.SHORT_TITLE);
        Require.text(mandatedBy, "mandatedBy", FactLimits.MANDATED_BY);
        Require.text(recipient, "recipient", FactLimits.RECIPIENT);
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.scheduled(dueOn, "dueOn");
    }

    @Override
    public String targetMeasureId() {
        return reportId;
    }

    /** None: {@code dueOn} is a deadline, not the day the mandate took effect. */
    @Override
    public LocalDate factDate() {
        return null;
    }
}
