package org.tracker.core.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record WaiverProvisionRecorded(
        String waiverId, WaiverStatute statute, String citation, String title, String summary, Provenance provenance)
        implements MeasureEvent {

    @Override
    public String measureId() {
        return waiverId;
    }
}
