package org.tracker.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The largest input a reader accepts. Inputs come from outside, so they are refused by size before any of them is
 * parsed, and a stream is never read past the limit.
 *
 * @param kind what the input should be, for messages ("BILLSTATUS file")
 */
public record SizeLimit(long maxBytes, String kind) {

    public SizeLimit {
        if (maxBytes < 1 || maxBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a size limit is between 1 byte and 2 GB, not " + maxBytes);
        }
    }

    public byte[] read(Path file) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLarge(file + " has " + size + " bytes, more");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads at most one byte past the limit, to tell that there is more; the caller closes the stream. */
    public byte[] read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + kind, e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge("the input has more");
        }
        return bytes;
    }

    private UnreadableRecordException tooLarge(String actual) {
        return new UnreadableRecordException(
                "refused: " + actual + " than the limit of " + maxBytes + " bytes for a " + kind);
    }
}
