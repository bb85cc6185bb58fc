package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * @param reviewDays the statutory review period for this recipient (15 or 30 calendar days)
 * @param reviewClosesOn the last day of the review period, on which Congress can still act under the expedited
 *     procedure
 */
@Revision("1")
public record ArmsSaleNotified(
        String armsSaleId,
        String transmittalNumber,
        String recipient,
        String articles,
        long valueUsd,
        LocalDate notifiedOn,
        int reviewDays,
        LocalDate reviewClosesOn,
        Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return armsSaleId;
    }
}
