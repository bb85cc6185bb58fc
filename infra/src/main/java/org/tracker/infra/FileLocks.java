package org.tracker.infra;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

final class FileLocks {

    private FileLocks() {}

    /**
     * Locks {@code file}, creating it if needed, or returns empty if another process or this JVM holds it. Closing the
     * lock's channel releases it; so does the end of the process, however it ends.
     */
    static Optional<FileLock> tryLock(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(lock);
            }
        } catch (OverlappingFileLockException e) {
            // Held by this JVM, which is just as busy a holder as any other process.
        }
        channel.close();
        return Optional.empty();
    }
}
