package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AmendMou(
        @TargetAggregateIdentifier String mouId, LocalDate amendedOn, String description, Provenance provenance) {}
