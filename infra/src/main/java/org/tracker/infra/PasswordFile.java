package org.tracker.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** A password kept in a file only its owner can read, made up at random the first time it is asked for. */
final class PasswordFile {

    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordFile() {}

    /** The password in {@code file}, which is created (readable by its owner only) when missing. */
    static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IllegalStateException(file + " holds no password; delete it only together with the data");
        }
        return password;
    }

    /**
     * Written to a temporary file that is owner-only from its creation, then linked into place: the password is never
     * readable by others, not even for a moment, and a crash leaves either no file or a whole one.
     */
    private static void create(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.exists(directory)) {
            Files.createDirectories(
                    directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        byte[] secret = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Path draft = Files.createTempFile(
                directory,
                file.getFileName().toString(),
                ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(draft, password + "\n", StandardCharsets.UTF_8);
            // A link, unlike a rename, never replaces a file that another start wrote meanwhile.
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException anotherStartWroteItFirst) {
            // Its password is the one to use; the caller reads it back.
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
