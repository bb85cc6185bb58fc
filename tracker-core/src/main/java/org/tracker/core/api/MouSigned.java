package org.tracker.core.api;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MouSigned(
        String mouId,
        String title,
        LocalDate signedOn,
        int firstFiscalYear,
        int lastFiscalYear,
        Map<FundingCategory, Long> totalsUsd,
        Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return mouId;
    }
}
