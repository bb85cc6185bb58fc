package org.tracker.api.measures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A SHA-256 over a projection's content: every row's columns as PostgreSQL writes a row as text, one row per line, in
 * measure id order. Two tables with the same checksum hold the same rows, whichever way they were filled.
 *
 * @param rows how many rows it covers
 */
public record ProjectionChecksum(String projection, long rows, String sha256, Instant computedAt) {

    /** Feeds rows in order and gives the checksum at the end. */
    static final class Digest {

        private final MessageDigest sha256;
        private long rows;

        Digest() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        void add(String row) {
            sha256.update(row.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            rows++;
        }

        ProjectionChecksum finish(String projection, Instant at) {
            return new ProjectionChecksum(projection, rows, HexFormat.of().formatHex(sha256.digest()), at);
        }
    }
}
