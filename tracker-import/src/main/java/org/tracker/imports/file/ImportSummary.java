package org.tracker.imports.file;

import java.util.List;

/**
 * What an import run did, file by file and in total: what the HTTP endpoint answers, and what the command line
 * prints for all its requests together.
 *
 * @param unchanged files that appended nothing, everything in them already known or superseded by a newer record
 * @param results each file's outcome, in the order the files were imported
 */
public record ImportSummary(
        int files,
        int measuresCreated,
        long eventsAppended,
        int unchanged,
        List<Rejection> rejected,
        List<FileOutcome> results) {

    /** A file that appended nothing because it was refused or could not be read or recorded. */
    public record Rejection(String file, String reason) {}

    public ImportSummary {
        rejected = List.copyOf(rejected);
        results = List.copyOf(results);
    }

    public static ImportSummary of(List<FileOutcome> results) {
        return new ImportSummary(
                results.size(),
                count(results, FileOutcome.Outcome.CREATED),
                results.stream().mapToLong(FileOutcome::eventsAppended).sum(),
                count(results, FileOutcome.Outcome.UNCHANGED) + count(results, FileOutcome.Outcome.OLDER),
                results.stream()
                        .filter(FileOutcome::wasRejected)
                        .map(result -> new Rejection(result.file(), result.reason()))
                        .toList(),
                results);
    }

    /** Whether every file was rejected, so that the run imported nothing at all. */
    public boolean nothingImported() {
        return rejected.size() == files;
    }

    private static int count(List<FileOutcome> results, FileOutcome.Outcome outcome) {
        return (int)
                results.stream().filter(result -> result.outcome() == outcome).count();
    }
}
