package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param resolutionId the joint resolution of disapproval ({@code sjres111-118}) */
public record FileDisapprovalResolution(
        @TargetAggregateIdentifier String armsSaleId, String resolutionId, Provenance provenance)
        implements FactCommand {

    public FileDisapprovalResolution {
        MeasureIds.require(MeasureKind.ARMS_SALE, armsSaleId, "armsSaleId");
        MeasureIds.require(MeasureKind.BILL, resolutionId, "resolutionId");
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.congress(BillId.parse(resolutionId).congress(), "resolutionId");
    }

    @Override
    public String targetMeasureId() {
        return armsSaleId;
    }

    /** None: the fact states no day on which it took effect. */
    @Override
    public LocalDate factDate() {
        return null;
    }
}
