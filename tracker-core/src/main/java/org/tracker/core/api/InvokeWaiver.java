package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param effectiveOn when the determination takes effect, which may be scheduled after it is made
 * @param expiresOn when the determination lapses unless renewed, or null if it does not
 */
public record InvokeWaiver(
        @TargetAggregateIdentifier String waiverId,
        String subject,
        LocalDate determinedOn,
        LocalDate effectiveOn,
        LocalDate expiresOn,
        String justification,
        Provenance provenance)
        implements FactCommand {

    public InvokeWaiver {
        MeasureIds.require(MeasureKind.WAIVER, waiverId, "waiverId");
        Require.text(subject, "subject", FactLimits.SUMMARY);
        Require.text(justification, "justification", FactLimits.JUSTIFICATION);
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {
        calendar.happened(determinedOn, "determinedOn");
        calendar.scheduled(effectiveOn, "effectiveOn");
        calendar.scheduled(expiresOn, "expiresOn");
    }

    @Override
    public String targetMeasureId() {
        return waiverId;
    }

    /** The day of the determination, which is the fact; {@code effectiveOn} is what it decides. */
    @Override
    public LocalDate factDate() {
        return determinedOn;
    }
}
