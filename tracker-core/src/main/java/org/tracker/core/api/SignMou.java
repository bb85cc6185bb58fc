package org.tracker.core.api;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param totalsUsd what the MoU commits over its whole period, by category, in whole dollars */
public record SignMou(
        @TargetAggregateIdentifier String mouId,
        String title,
        LocalDate signedOn,
        int firstFiscalYear,
        int lastFiscalYear,
        Map<FundingCategory, Long> totalsUsd,
        Provenance provenance)
        implements FactCommand {

    public SignMou {
        MeasureIds.require(MeasureKind.MOU, mouId, "mouId");
        Require.text(title, "title", FactLimits.SHORT_TITLE);
        if (totalsUsd != null) {
            totalsUsd.forEach((category, amount) -> Require.dollars(
                    Require.present(amount, "'totalsUsd." + category + "' is a number of dollars"),
                    "totalsUsd." + category));
        }
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.happened(signedOn, "signedOn");
        calendar.fiscalYear(firstFiscalYear, "firstFiscalYear");
        calendar.fiscalYear(lastFiscalYear, "lastFiscalYear");
    }

    @Override
    public String targetMeasureId() {
        return mouId;
    }

    @Override
    public LocalDate factDate() {
        return signedOn;
    }
}
