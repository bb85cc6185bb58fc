package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenewWaiver(
        @TargetAggregateIdentifier String waiverId,
        LocalDate determinedOn,
        LocalDate expiresOn,
        String justification,
        Provenance provenance) {}
