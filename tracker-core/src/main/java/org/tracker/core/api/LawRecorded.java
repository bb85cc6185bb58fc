package org.tracker.core.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record LawRecorded(String billId, String lawType, String lawNumber, Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return billId;
    }
}
