package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordWaiverExpiry(
        @TargetAggregateIdentifier String waiverId, LocalDate expiredOn, Provenance provenance) {}
