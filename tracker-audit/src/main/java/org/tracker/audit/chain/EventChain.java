package org.tracker.audit.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How a stored event is linked to the one before it in its measure: SHA-256 over a version tag, the previous hash and
 * every stored column of the row. Each column is preceded by its length (-1 for null), so that no two different rows
 * give the same bytes by moving text from one column to the next. Changing this changes every hash: a new format
 * needs a new tag.
 */
public final class EventChain {

    private static final byte[] FORMAT = "tracker-event-chain/1".getBytes(StandardCharsets.US_ASCII);

    private EventChain() {}

    /** The hash of {@code event} linked to {@code previous} ({@link ChainHash#NONE} for a measure's first event). */
    public static ChainHash link(ChainHash previous, StoredEvent event) {
        MessageDigest sha256 = sha256();
        field(sha256, FORMAT);
        sha256.update(previous.bytes());
        field(sha256, event.eventIdentifier());
        field(sha256, event.aggregateIdentifier());
        sha256.update(
                ByteBuffer.allocate(Long.BYTES).putLong(event.sequenceNumber()).array());
        field(sha256, event.type());
        field(sha256, event.timestamp());
        field(sha256, event.payloadType());
        field(sha256, event.payloadRevision());
        field(sha256, event.payload());
        field(sha256, event.metadata());
        return ChainHash.of(sha256.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static void field(MessageDigest digest, String text) {
        field(digest, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    static void field(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(Integer.BYTES)
                .putInt(bytes == null ? -1 : bytes.length)
                .array());
        if (bytes != null) {
            digest.update(bytes);
        }
    }
}
