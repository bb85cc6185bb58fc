package org.tracker.imports.billstatus;

/** A BILLSTATUS input that is refused or cannot be read; the message says which and why. */
public class UnreadableBillStatusException extends RuntimeException {

    public UnreadableBillStatusException(String message) {
        super(message);
    }

    public UnreadableBillStatusException(String message, Throwable cause) {
        super(message, cause);
    }
}
