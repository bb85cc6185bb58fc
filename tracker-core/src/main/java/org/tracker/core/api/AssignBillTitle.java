package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param titleType the record's title type ({@code Short Title(s) as Introduced}, {@code Display Title}, ...) */
public record AssignBillTitle(
        @TargetAggregateIdentifier String billId, String titleType, String title, Provenance provenance)
        implements FactCommand {

    public AssignBillTitle {
        BillId.parse(billId);
        Require.text(titleType, "titleType", FactLimits.TITLE_TYPE);
        Require.text(title, "title", FactLimits.BILL_TITLE);
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
