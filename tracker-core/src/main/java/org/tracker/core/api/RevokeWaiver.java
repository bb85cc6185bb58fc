package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeWaiver(
        @TargetAggregateIdentifier String waiverId, LocalDate revokedOn, String reason, Provenance provenance)
        implements FactCommand {

    public RevokeWaiver {
        MeasureIds.require(MeasureKind.WAIVER, waiverId, "waiverId");
        Require.text(reason, "reason", FactLimits.JUSTIFICATION);
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.happened(revokedOn, "revokedOn");
    }

    @Override
    public String targetMeasureId() {
        return waiverId;
    }

    @Override
    public LocalDate factDate() {
        return revokedOn;
    }
}
