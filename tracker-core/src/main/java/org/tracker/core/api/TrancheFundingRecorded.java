package org.tracker.core.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TrancheFundingRecorded(
        String mouId,
        int fiscalYear,
        FundingCategory category,
        FundingStage stage,
        long amountUsd,
        Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return mouId;
    }
}
