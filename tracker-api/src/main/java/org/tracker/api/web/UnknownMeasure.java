package org.tracker.api.web;

import org.tracker.core.measure.AsOf;

class UnknownMeasure extends RuntimeException {

    UnknownMeasure(String measureId) {
        super("The tracker knows no measure '" + measureId + "'.");
    }

    UnknownMeasure(String measureId, AsOf moment) {
        super("The tracker knew no measure '" + measureId + "'"
                + (moment.knownAt() == null ? "" : " at " + moment.knownAt())
                + (moment.effectiveOn() == null ? "" : " with facts effective by " + moment.effectiveOn()) + ".");
    }
}
