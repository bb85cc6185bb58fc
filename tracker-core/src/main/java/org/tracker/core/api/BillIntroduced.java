package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record BillIntroduced(
        String billId,
        BillType type,
        int number,
        int congress,
        String title,
        LocalDate introducedOn,
        Member sponsor,
        Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return billId;
    }
}
