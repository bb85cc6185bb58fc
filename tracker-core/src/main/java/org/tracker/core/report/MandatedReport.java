package org.tracker.core.report;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.tracker.core.api.FactRejected;
import org.tracker.core.api.MandateReport;
import org.tracker.core.api.ReportMandated;
import org.tracker.core.api.ReportSubmitted;
import org.tracker.core.api.Require;
import org.tracker.core.api.SubmitReport;

/** A required report or certification, due by a date and submitted once. */
public class MandatedReport {

    @AggregateIdentifier
    private String reportId;

    private LocalDate dueOn;
    private LocalDate submittedOn;

    protected MandatedReport() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(MandateReport command) {
        Require.present(command.kind(), "say whether it is a REPORT or a CERTIFICATION");
        Require.present(command.dueOn(), "a mandated report has a due date");
        if (command.title() == null || command.title().isBlank()) {
            throw new IllegalArgumentException("a mandated report has a title");
        }
        if (command.mandatedBy() == null || command.mandatedBy().isBlank()) {
            throw new IllegalArgumentException("say which law or directive mandates the report");
        }
        if (reportId != null) {
            if (dueOn.equals(command.dueOn())) {
                return;
            }
            throw new FactRejected(reportId + " is already due on " + dueOn + "; a new due date is a new report");
        }
        apply(new ReportMandated(
                command.reportId(),
                command.kind(),
                command.title().strip(),
                command.mandatedBy().strip(),
                command.recipient(),
                command.dueOn(),
                command.provenance()));
    }

    @CommandHandler
    public void handle(SubmitReport command) {
        Require.present(command.submittedOn(), "a submission has a date");
        if (submittedOn != null) {
            if (submittedOn.equals(command.submittedOn())) {
                return;
            }
            throw new FactRejected(reportId + " was already submitted on " + submittedOn);
        }
        apply(new ReportSubmitted(
                reportId,
                command.submittedOn(),
                command.documentUrl(),
                command.submittedOn().isAfter(dueOn),
                command.provenance()));
    }

    @EventSourcingHandler
    void on(ReportMandated event) {
        reportId = event.reportId();
        dueOn = event.dueOn();
    }

    @EventSourcingHandler
    void on(ReportSubmitted event) {
        submittedOn = event.submittedOn();
    }
}
