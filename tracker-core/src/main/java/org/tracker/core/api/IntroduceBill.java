package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record IntroduceBill(
        @TargetAggregateIdentifier String billId,
        String title,
        LocalDate introducedOn,
        Member sponsor,
        Provenance provenance) {}
