package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A law that lets the executive waive a restriction, before anyone invokes it.
 *
 * @param citation where it stands in law ({@code 22 U.S.C. 2378-1(b)})
 */
public record RecordWaiverProvision(
        @TargetAggregateIdentifier String waiverId,
        WaiverStatute statute,
        String citation,
        String title,
        String summary,
        Provenance provenance)
        implements FactCommand {

    public RecordWaiverProvision {
        MeasureIds.require(MeasureKind.WAIVER, waiverId, "waiverId");
        Require.text(citation, "citation", FactLimits.CITATION);
        Require.text(title, "title", FactLimits.SHORT_TITLE);
        Require.text(summary, "summary", FactLimits.SUMMARY);
        Require.provenance(provenance);
    }

    @Override
    public void checkDates(FactCalendar calendar) {}

    @Override
    public String targetMeasureId() {
        return waiverId;
    }

    /** None: the fact states no day on which it took effect. */
    @Override
    public LocalDate factDate() {
        return null;
    }
}
