package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawCosponsor(
        @TargetAggregateIdentifier String billId, String bioguideId, LocalDate withdrawnOn, Provenance provenance) {}
