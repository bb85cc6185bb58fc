package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What the MoU sets aside for one fiscal year and category.
 *
 * @param offshoreProcurementUsd how much of it may be spent in Israel rather than in the United States, or null
 *     while that is not on record
 */
public record ScheduleTranche(
        @TargetAggregateIdentifier String mouId,
        int fiscalYear,
        FundingCategory category,
        long amountUsd,
        Long offshoreProcurementUsd,
        Provenance provenance)
        implements FactCommand {

    public ScheduleTranche {
        MeasureIds.require(MeasureKind.MOU, mouId, "mouId");
        Require.dollars(amountUsd, "amountUsd");
        if (offshoreProcurementUsd != null) {
            Require.dollars(offshoreProcurementUsd, "offshoreProcurementUsd");
        }
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.fiscalYear(fiscalYear, "fiscalYear");
    }

    @Override
    public String targetMeasureId() {
        return mouId;
    }

    /** None: the fact states no day on which it took effect. */
    @Override
    public LocalDate factDate() {
        return null;
    }
}
