package org.tracker.core.api;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param totalsUsd what the MoU commits over its whole period, by category, in whole dollars */
public record SignMou(
        @TargetAggregateIdentifier String mouId,
        String title,
        LocalDate signedOn,
        int firstFiscalYear,
        int lastFiscalYear,
        Map<FundingCategory, Long> totalsUsd,
        Provenance provenance) {}
