package org.tracker.audit.chain;

import java.util.Arrays;
import java.util.HexFormat;

/** A SHA-256 value of the chain: an event's link, or the ledger digest over every measure's head. */
public final class ChainHash {

    public static final int LENGTH = 32;

    /** What the first event of a measure links to. */
    public static final ChainHash NONE = new ChainHash(new byte[LENGTH]);

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private ChainHash(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ChainHash of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("a chain hash is " + LENGTH + " bytes (SHA-256)");
        }
        return new ChainHash(bytes.clone());
    }

    /** @throws IllegalArgumentException unless the text is 64 hex digits */
    public static ChainHash ofHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a chain hash is " + 2 * LENGTH + " hex digits, not '" + hex + "'");
        }
        return new ChainHash(HEX.parseHex(hex));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainHash hash && Arrays.equals(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
