package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param documentUrl where the submitted text can be read, if it is public */
public record SubmitReport(
        @TargetAggregateIdentifier String reportId, LocalDate submittedOn, String documentUrl, Provenance provenance) {}
