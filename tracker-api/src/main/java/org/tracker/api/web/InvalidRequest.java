package org.tracker.api.web;

/** A request the tracker cannot read as a fact; the message says what to change. */
class InvalidRequest extends RuntimeException {

    InvalidRequest(String message) {
        super(message);
    }
}
