package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param expiresOn when the determination lapses unless renewed, or null if it does not */
public record InvokeWaiver(
        @TargetAggregateIdentifier String waiverId,
        String subject,
        LocalDate determinedOn,
        LocalDate effectiveOn,
        LocalDate expiresOn,
        String justification,
        Provenance provenance) {}
