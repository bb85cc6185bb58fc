package org.tracker.core.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BillTitleAssigned(String billId, String titleType, String title, Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return billId;
    }
}
