package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeWaiver(
        @TargetAggregateIdentifier String waiverId, LocalDate revokedOn, String reason, Provenance provenance) {}
