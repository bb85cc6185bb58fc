package org.tracker.core.measure;

import java.time.LocalDate;
import org.tracker.core.api.MeasureStatus;

/**
 * A change of a measure's status, as the fold met it in the stream: the notifier's "status changed" and a page's
 * live update come from these, not from comparing rows.
 *
 * @param from the status before, null for a measure's first
 * @param since the day the new status holds from, if the event says
 */
public record Transition(String measureId, MeasureStatus from, MeasureStatus to, LocalDate since) {}
