package org.tracker.core.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BillActionRecorded(String billId, BillAction action, Provenance provenance) implements MeasureEvent {

    @Override
    public String measureId() {
        return billId;
    }
}
