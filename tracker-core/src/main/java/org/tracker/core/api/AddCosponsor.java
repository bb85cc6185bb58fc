package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddCosponsor(
        @TargetAggregateIdentifier String billId,
        Member cosponsor,
        LocalDate sponsoredOn,
        boolean original,
        Provenance provenance)
        implements FactCommand {

    public AddCosponsor {
        BillId.parse(billId);
        Require.sponsor(cosponsor, "cosponsor");
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.happened(sponsoredOn, "sponsoredOn");
    }

    @Override
    public String targetMeasureId() {
        return billId;
    }

    @Override
    public LocalDate factDate() {
        return sponsoredOn;
    }
}
