package org.tracker.api.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tracker.imports.file.FileOutcome;

/**
 * Imports the files that land in {@code tracker.import.watch-dir}, each on its own, then moves each into {@code done/},
 * or into {@code failed/} beside a {@code <name>.reason.txt} that says why nothing of it was imported. A file of the
 * same name moved there before is replaced.
 *
 * <p>The directory is looked at every {@code watch-interval}, and a file is imported once its size and modification
 * time are the same at two looks, so that one still being copied in is left alone. Hidden files and names ending in
 * {@code .part} or {@code .tmp} are never taken: a writer can write under such a name and rename the file when done.
 */
@Component
@ConditionalOnSetting("tracker.import.watch-dir")
class WatchedDirectory implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WatchedDirectory.class);

    /** Who the facts from these files are recorded as submitted by. */
    static final String SUBMITTER = "watched-directory";

    private final Path directory;
    private final Path done;
    private final Path failed;
    private final Duration interval;
    private final RecordImporter importer;
    /** Each file's size and modification time at the last look, touched by the scanning thread only. */
    private Map<Path, FileVersion> lastLook = Map.of();

    private volatile ScheduledExecutorService scanner;

    WatchedDirectory(ImportProperties properties, RecordImporter importer) {
        this.directory = Path.of(properties.watchDir().strip()).toAbsolutePath();
        this.done = directory.resolve("done");
        this.failed = directory.resolve("failed");
        this.interval = properties.watchInterval();
        this.importer = importer;
    }

    @Override
    public void start() {
        try {
            Files.createDirectories(done);
            Files.createDirectories(failed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the watched directory " + directory, e);
        }
        scanner = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "import-watched-directory");
            thread.setDaemon(true);
            return thread;
        });
        scanner.scheduleWithFixedDelay(this::scanLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Importing files that land in {}", directory);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scanner;
        scanner = null;
        if (running != null) {
            running.shutdown();
            try {
                // a file being imported finishes its transaction, and is moved, before the tracker stops
                running.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scanner != null;
    }

    /** An exception would end the scheduled task for good; a directory that cannot be read now may be later. */
    private void scanLogged() {
        try {
            scan();
        } catch (RuntimeException e) {
            log.error("cannot look at the watched directory {}", directory, e);
        }
    }

    /** Looks once: imports the files that have not changed since the last look. */
    private void scan() {
        Map<Path, FileVersion> look = new HashMap<>();
        for (Path file : candidates()) {
            FileVersion version = FileVersion.of(file);
            if (version == null) {
                continue; // gone since it was listed
            }
            if (version.equals(lastLook.get(file))) {
                importAndMove(file);
            } else {
                look.put(file, version);
            }
        }
        lastLook = look;
    }

    private List<Path> candidates() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory, WatchedDirectory::isCandidate)) {
            listing.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        files.sort(null);
        return files;
    }

    private static boolean isCandidate(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.startsWith(".") && !name.endsWith(".part") && !name.endsWith(".tmp");
    }

    private void importAndMove(Path file) {
        FileOutcome outcome = importer.importFile(file, SUBMITTER);
        try {
            if (outcome.wasRejected()) {
                Path moved = Files.move(file, failed.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(failed.resolve(moved.getFileName() + ".reason.txt"), outcome.reason() + "\n");
                log.warn("{} rejected, moved to {}: {}", file.getFileName(), failed, outcome.reason());
            } else {
                Files.move(file, done.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                log.info(
                        "{} imported ({}, {} events appended to {}), moved to {}",
                        file.getFileName(),
                        outcome.outcome(),
                        outcome.eventsAppended(),
                        outcome.measureId(),
                        done);
            }
        } catch (IOException e) {
            // left where it is, it is imported again at a later look, which appends nothing, and moved then
            log.error("{} was imported ({}) but cannot be moved out of {}", file, outcome.outcome(), directory, e);
        }
    }

    /** What tells a file that is still being written from one that is complete. */
    private record FileVersion(long size, FileTime modified) {

        /** @return null when the file is gone */
        static FileVersion of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileVersion(attributes.size(), attributes.lastModifiedTime());
            } catch (IOException e) {
                return null;
            }
        }
    }
}
