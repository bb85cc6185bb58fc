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
        Provenance provenance) {}
