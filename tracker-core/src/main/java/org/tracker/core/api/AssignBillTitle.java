package org.tracker.core.api;

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
}
