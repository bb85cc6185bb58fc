package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordMouExpiry(@TargetAggregateIdentifier String mouId, LocalDate expiredOn, Provenance provenance)
        implements FactCommand {

    public RecordMouExpiry {
        MeasureIds.require(MeasureKind.MOU, mouId, "mouId");
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.happened(expiredOn, "expiredOn");
    }

    @Override
    public String targetMeasureId() {
        return mouId;
    }

    @Override
    public LocalDate factDate() {
        return expiredOn;
    }
}
