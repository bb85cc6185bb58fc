package org.tracker.api.web;

import org.tracker.core.measure.AsOf;

/** A measure id the tracker has no record of; answered 404 with the id named. */
public class UnknownMeasure extends RuntimeException {

    public UnknownMeasure(String measureId) {
        super("The tracker knows no measure '" + measureId + "'.");
    }

    public UnknownMeasure(String measureId, AsOf moment) {
        super("The tracker knew no measure '" + measureId + "'"
                + (moment.knownAt() == null ? "" : " at " + moment.knownAt())
                + (moment.effectiveOn() == null ? "" : " with facts effective by " + moment.effectiveOn()) + ".");
    }
}
