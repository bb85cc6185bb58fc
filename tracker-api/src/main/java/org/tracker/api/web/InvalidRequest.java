package org.tracker.api.web;

/** A request the tracker cannot read as a fact; the message says what to change. */
public class InvalidRequest extends RuntimeException {

    public InvalidRequest(String message) {
        super(message);
    }
}
