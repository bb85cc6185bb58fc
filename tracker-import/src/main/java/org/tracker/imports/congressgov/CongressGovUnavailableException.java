package org.tracker.imports.congressgov;

/**
 * congress.gov did not answer as expected (a refusal for the rate limit, a server error, a broken connection): the
 * poll stops where it is, without advancing its window, so that the next poll asks again.
 */
public class CongressGovUnavailableException extends RuntimeException {

    public CongressGovUnavailableException(String message) {
        super(message);
    }

    public CongressGovUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
