package org.tracker.audit.export;

/**
 * The first line of an export: what was exported and when.
 *
 * @param format {@link ExportWriter#FORMAT}
 * @param exportedAt the instant of the store's state the export shows, ISO-8601
 */
public record ExportHeader(String format, ExportSelection selection, String exportedAt) {}
