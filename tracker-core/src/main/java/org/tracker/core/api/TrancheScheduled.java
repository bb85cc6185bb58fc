package org.tracker.core.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TrancheScheduled(
        String mouId,
        int fiscalYear,
        FundingCategory category,
        long amountUsd,
        Long offshoreProcurementUsd,
        Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return mouId;
    }
}
