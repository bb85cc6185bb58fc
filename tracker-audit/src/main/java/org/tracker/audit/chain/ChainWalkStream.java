package org.tracker.audit.chain;

/**
 * How the tracker streams a walk to {@code ./tracker verify}: JSON Lines of {@code {"progress": {"eventsChecked": n,
 * "percent": p}}} while it walks, then one {@code {"report": ChainReport}}.
 */
public final class ChainWalkStream {

    public static final String MEDIA_TYPE = "application/x-ndjson";
    public static final String PROGRESS = "progress";
    public static final String EVENTS_CHECKED = "eventsChecked";
    public static final String PERCENT = "percent";
    public static final String REPORT = "report";

    private ChainWalkStream() {}
}
