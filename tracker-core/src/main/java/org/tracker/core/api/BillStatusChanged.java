package org.tracker.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The status derived from a bill's actions moved. Recorded beside the action that moved it so that subscribers
 * and auditors see the change itself, not only the action.
 *
 * @param from the status before, or null when the bill was just introduced
 * @param since the date of the action that moved it
 * @param becauseOf the text of that action
 */
@Revision("1")
public record BillStatusChanged(
        String billId, BillStatus from, BillStatus to, LocalDate since, String becauseOf, Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return billId;
    }
}
