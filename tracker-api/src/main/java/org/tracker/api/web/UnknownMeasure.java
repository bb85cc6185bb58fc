package org.tracker.api.web;

class UnknownMeasure extends RuntimeException {

    UnknownMeasure(String measureId) {
        super("The tracker knows no measure '" + measureId + "'.");
    }
}
