package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param sponsor who introduced it, or null while the record does not say */
public record IntroduceBill(
        @TargetAggregateIdentifier String billId,
        String title,
        LocalDate introducedOn,
        Member sponsor,
        Provenance provenance)
        implements FactCommand {

    public IntroduceBill {
        BillId.parse(billId);
        Require.text(title, "title", FactLimits.BILL_TITLE);
        Require.sponsor(sponsor, "sponsor");
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.congress(BillId.parse(billId).congress(), "billId");
        calendar.happened(introducedOn, "introducedOn");
    }

    @Override
    public String targetMeasureId() {
        return billId;
    }

    @Override
    public LocalDate factDate() {
        return introducedOn;
    }
}
