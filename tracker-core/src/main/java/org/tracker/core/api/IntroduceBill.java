package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param sponsor who introduced it, or null while the record does not say */
public record IntroduceBill(
        @TargetAggregateIdentifier String billId,
        String title,
        LocalDate introducedOn,
        Member sponsor,
        Provenance provenance) {}
