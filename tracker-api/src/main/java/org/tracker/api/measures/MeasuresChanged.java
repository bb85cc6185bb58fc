package org.tracker.api.measures;

import java.util.List;
import org.tracker.core.measure.MeasureRow;
import org.tracker.core.measure.Transition;

/**
 * What one committed fold of the live projection changed: every row it changed (a new action, vote or cosponsor
 * changes a row too, not only a status), as the table holds it now, and the status transitions among them. Published
 * as a Spring application event on every instance by {@link MeasureChangeFeed} once PostgreSQL has told it of the
 * commit, so a listener (a page's live updates) sees only what a reader of the table can see, wherever the fold ran.
 *
 * @param id the entry's place in the change log, which a page's stream gives as its event id
 */
public record MeasuresChanged(long id, List<MeasureRow> rows, List<Transition> transitions) {}
