package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordWaiverExpiry(@TargetAggregateIdentifier String waiverId, LocalDate expiredOn, Provenance provenance)
        implements FactCommand {

    public RecordWaiverExpiry {
        MeasureIds.require(MeasureKind.WAIVER, waiverId, "waiverId");
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.happened(expiredOn, "expiredOn");
    }

    @Override
    public String targetMeasureId() {
        return waiverId;
    }

    @Override
    public LocalDate factDate() {
        return expiredOn;
    }
}
