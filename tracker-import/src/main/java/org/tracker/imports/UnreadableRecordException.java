package org.tracker.imports;

/**
 * An input that is refused (too large, a DOCTYPE, entities) or cannot be read as the record it claims to be; the
 * message says which and why, in words a person can act on. Nothing of such an input is imported.
 */
public class UnreadableRecordException extends RuntimeException {

    public UnreadableRecordException(String message) {
        super(message);
    }

    public UnreadableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
