package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenewWaiver(
        @TargetAggregateIdentifier String waiverId,
        LocalDate determinedOn,
        LocalDate expiresOn,
        String justification,
        Provenance provenance)
        implements FactCommand {

    public RenewWaiver {
        MeasureIds.require(MeasureKind.WAIVER, waiverId, "waiverId");
        Require.text(justification, "justification", FactLimits.JUSTIFICATION);
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.happened(determinedOn, "determinedOn");
        calendar.scheduled(expiresOn, "expiresOn");
    }

    @Override
    public String targetMeasureId() {
        return waiverId;
    }

    /** The day of the determination, which is the fact; {@code expiresOn} is what it decides. */
    @Override
    public LocalDate factDate() {
        return determinedOn;
    }
}
