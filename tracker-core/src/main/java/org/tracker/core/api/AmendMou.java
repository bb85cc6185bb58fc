package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AmendMou(
        @TargetAggregateIdentifier String mouId, LocalDate amendedOn, String description, Provenance provenance)
        implements FactCommand {

    public AmendMou {
        MeasureIds.require(MeasureKind.MOU, mouId, "mouId");
        Require.text(description, "description", FactLimits.SUMMARY);
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.happened(amendedOn, "amendedOn");
    }

    @Override
    public String targetMeasureId() {
        return mouId;
    }

    @Override
    public LocalDate factDate() {
        return amendedOn;
    }
}
