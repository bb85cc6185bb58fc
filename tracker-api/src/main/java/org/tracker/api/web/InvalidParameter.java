package org.tracker.api.web;

import java.util.List;

/**
 * A query parameter the tracker cannot use. The problem names it and, when it takes one of a few words, the words it
 * takes, so that a client can point at the field and offer the choices.
 */
public class InvalidParameter extends InvalidRequest {

    private final String parameter;
    private final List<String> accepted;

    public InvalidParameter(String parameter, String message) {
        this(parameter, List.of(), message);
    }

    public InvalidParameter(String parameter, List<String> accepted, String message) {
        super(message);
        this.parameter = parameter;
        this.accepted = List.copyOf(accepted);
    }

    public String parameter() {
        return parameter;
    }

    /** @return empty when the parameter is not one of a list of words */
    public List<String> accepted() {
        return accepted;
    }
}
