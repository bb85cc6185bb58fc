package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param lawType {@code Public Law} or {@code Private Law}
 * @param lawNumber as the record writes it, Congress first ({@code 117-81})
 */
public record RecordLaw(
        @TargetAggregateIdentifier String billId, String lawType, String lawNumber, Provenance provenance)
        implements FactCommand {

    public RecordLaw {
        BillId.parse(billId);
        Require.text(lawType, "lawType", FactLimits.LAW_TYPE);
        Require.text(lawNumber, "lawNumber", FactLimits.LAW_NUMBER);
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {}

    @Override
    public String targetMeasureId() {
        return billId;
    }

    /** None: the fact states no day on which it took effect. */
    @Override
    public LocalDate factDate() {
        return null;
    }
}
