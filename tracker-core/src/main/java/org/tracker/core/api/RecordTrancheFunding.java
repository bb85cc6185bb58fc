package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param amountUsd the cumulative amount at this stage for the year and category, in whole dollars */
public record RecordTrancheFunding(
        @TargetAggregateIdentifier String mouId,
        int fiscalYear,
        FundingCategory category,
        FundingStage stage,
        long amountUsd,
        Provenance provenance)
        implements FactCommand {

    public RecordTrancheFunding {
        MeasureIds.require(MeasureKind.MOU, mouId, "mouId");
        Require.dollars(amountUsd, "amountUsd");
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
