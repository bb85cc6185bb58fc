package org.tracker.core.api;

public enum ReportKind {
    REPORT,
    CERTIFICATION
}
