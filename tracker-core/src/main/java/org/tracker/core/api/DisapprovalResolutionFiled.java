package org.tracker.core.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DisapprovalResolutionFiled(String armsSaleId, String resolutionId, Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return armsSaleId;
    }
}
