package org.tracker.api.measures;

import java.util.List;
import org.tracker.core.measure.MeasureRow;
import org.tracker.core.measure.Transition;

/**
 * What the live projection committed from one fold: every row it changed (a new action, vote or cosponsor changes a
 * row too, not only a status) and the status transitions among them. Published as a Spring application event after
 * the commit, never before, so a listener (a page's live updates) sees only what a reader of the table can see.
 * Listeners run on the projection's consumer thread: they hand work off rather than block it.
 */
public record MeasuresChanged(List<MeasureRow> rows, List<Transition> transitions) {}
