package org.tracker.imports.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.tracker.imports.file.RecordFiles;

/**
 * {@code ./tracker import [--dry-run] [--parallel=N] FILE|DIR...}: imports files of the official record into a running tracker, or,
 * with {@code --dry-run}, reads them here and prints the status each measure would have, writing nothing anywhere.
 *
 * <p>Exits 0 when every file was imported (or read), 1 when some were rejected, 2 when the run could not be made (no
 * files, no token, no tracker).
 */
public final class ImportCommand {

    /** Two requests keep the tracker's parsing and PostgreSQL's writing busy at once; more only queue. */
    private static final int DEFAULT_PARALLEL = 2;

    private static final String USAGE = "usage: ./tracker import [--dry-run] [--parallel=N] FILE|DIR...\n"
            + "  --dry-run     read the files here and print each measure's id and status, a tab between; write"
            + " nothing\n"
            + "  otherwise     post each file to the tracker at $TRACKER_URL (default http://localhost:8080) with the\n"
            + "                token in $TRACKER_API_TOKEN, and print what the import did\n"
            + "  --parallel=N  how many files are posted at once (default " + DEFAULT_PARALLEL + ")\n"
            + "A directory stands for every .xml file under it.";

    private static final String DEFAULT_TRACKER = "http://localhost:8080";
    private static final String PARALLEL = "--parallel=";

    private ImportCommand() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    /** The whole command, with its environment and output given, so that it can be run inside a test. */
    public static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        boolean dryRun = args.contains("--dry-run");
        int parallel = DEFAULT_PARALLEL;
        List<String> arguments = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith(PARALLEL)) {
                try {
                    parallel = Integer.parseInt(arg.substring(PARALLEL.length()));
                } catch (NumberFormatException e) {
                    parallel = 0;
                }
                if (parallel < 1) {
                    err.println("tracker import: --parallel must be a whole number of at least 1, not '"
                            + arg.substring(PARALLEL.length()) + "'");
                    return 2;
                }
            } else if (!arg.equals("--dry-run")) {
                arguments.add(arg);
            }
        }
        if (arguments.isEmpty() || arguments.stream().anyMatch(arg -> arg.startsWith("-"))) {
            err.println(USAGE);
            return 2;
        }
        List<Path> files;
        try {
            files = files(arguments);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("tracker import: " + e.getMessage());
            return 2;
        }
        if (dryRun) {
            return new DryRun(new RecordFiles(RecordFiles.DEFAULT_MAX_BYTES)).run(files, out, err);
        }
        String token = environment.get("TRACKER_API_TOKEN");
        if (token == null || token.isBlank()) {
            err.println("tracker import: set TRACKER_API_TOKEN to an API token (./tracker run shows the operator's on"
                    + " its first start), or use --dry-run to only read the files");
            return 2;
        }
        URI tracker = URI.create(environment.getOrDefault("TRACKER_URL", DEFAULT_TRACKER));
        return new RemoteImport(tracker, token.strip(), parallel).run(files, out, err);
    }

    /** The files the arguments name, in order; a directory's .xml files in the order of their paths. */
    private static List<Path> files(List<String> arguments) {
        List<Path> files = new ArrayList<>();
        for (String argument : arguments) {
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                files.addAll(xmlFilesUnder(path));
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IllegalArgumentException("no such file or directory: " + argument);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .xml files in " + String.join(", ", arguments));
        }
        return files;
    }

    private static List<Path> xmlFilesUnder(Path directory) {
        try (Stream<Path> tree = Files.walk(directory)) {
            return tree.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName()
                            .toString()
                            .toLowerCase(Locale.ROOT)
                            .endsWith(".xml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
