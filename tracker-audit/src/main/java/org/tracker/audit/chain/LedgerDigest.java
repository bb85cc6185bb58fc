package org.tracker.audit.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One hash over every measure's head, in the byte order of the measures' ids: it changes whenever any event is
 * appended, altered or removed anywhere, so writing it down somewhere the tracker's operators cannot reach (a ticket,
 * a letter, a public post) anchors the whole store at that moment. Someone able to rewrite both the events and their
 * chain, and to recompute every hash, is caught only by such an anchor.
 */
public final class LedgerDigest {

    private static final byte[] FORMAT = "tracker-ledger/1".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest sha256 = EventChain.sha256();
    private byte[] lastMeasure;
    private long heads;

    public LedgerDigest() {
        EventChain.field(sha256, FORMAT);
    }

    /** @throws IllegalArgumentException when heads do not come in the byte order of their measures' ids */
    public void add(ChainHead head) {
        byte[] measure = head.measure().getBytes(StandardCharsets.UTF_8);
        if (lastMeasure != null && Arrays.compareUnsigned(lastMeasure, measure) >= 0) {
            throw new IllegalArgumentException("heads must come in the byte order of their measures' ids; '"
                    + head.measure() + "' came after '" + new String(lastMeasure, StandardCharsets.UTF_8) + "'");
        }
        lastMeasure = measure;
        heads++;
        EventChain.field(sha256, measure);
        sha256.update(ByteBuffer.allocate(2 * Long.BYTES)
                .putLong(head.globalIndex())
                .putLong(head.sequenceNumber())
                .array());
        sha256.update(head.hash().bytes());
    }

    public long heads() {
        return heads;
    }

    /** The digest of the heads added so far; the digest is then spent. */
    public ChainHash finish() {
        return ChainHash.of(sha256.digest());
    }
}
