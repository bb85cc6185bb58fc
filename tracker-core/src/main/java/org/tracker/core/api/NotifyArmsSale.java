package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A formal notification to Congress of a proposed sale under AECA §36(b).
 *
 * @param armsSaleId {@code armssale-} and the transmittal number ({@code armssale-24-85})
 * @param transmittalNumber as DSCA numbers it ({@code 24-85})
 * @param valueUsd the estimated value in whole dollars
 */
public record NotifyArmsSale(
        @TargetAggregateIdentifier String armsSaleId,
        String transmittalNumber,
        String recipient,
        String articles,
        long valueUsd,
        LocalDate notifiedOn,
        Provenance provenance)
        implements FactCommand {

    public NotifyArmsSale {
        MeasureIds.require(MeasureKind.ARMS_SALE, armsSaleId, "armsSaleId");
        Require.text(transmittalNumber, "transmittalNumber", FactLimits.TRANSMITTAL_NUMBER);
        Require.text(recipient, "recipient", FactLimits.RECIPIENT);
        Require.text(articles, "articles", FactLimits.ARTICLES);
        Require.dollars(valueUsd, "valueUsd");
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.happened(notifiedOn, "notifiedOn");
    }

    @Override
    public String targetMeasureId() {
        return armsSaleId;
    }

    @Override
    public LocalDate factDate() {
        return notifiedOn;
    }
}
