package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordMouExpiry(@TargetAggregateIdentifier String mouId, LocalDate expiredOn, Provenance provenance) {}
