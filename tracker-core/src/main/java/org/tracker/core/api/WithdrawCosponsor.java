package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawCosponsor(
        @TargetAggregateIdentifier String billId, String bioguideId, LocalDate withdrawnOn, Provenance provenance)
        implements FactCommand {

    public WithdrawCosponsor {
        BillId.parse(billId);
        Require.bioguideId(bioguideId, "bioguideId");
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.happened(withdrawnOn, "withdrawnOn");
    }

    @Override
    public String targetMeasureId() {
        return billId;
    }

    @Override
    public LocalDate factDate() {
        return withdrawnOn;
    }
}
