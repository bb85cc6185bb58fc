package org.tracker.notify.rule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One thing that changed about one measure, as a subscriber is told it.
 *
 * @param summary one sentence a person can act on, such as "Status changed from REFERRED to PASS_OVER:HOUSE"
 * @param from the value before, where the change has one (a status), else null
 * @param to the value after, else null
 * @param on the date the change took effect, or the deadline's date
 * @param recordedAt when the tracker learned of it (for a deadline: when the tracker noticed the time)
 * @param source where the fact came from; for a deadline, where the deadline came from
 * @param eventId the stored event that made the change, or null when time passing made it
 * @param daysLeft for a deadline: days from today (in Washington) to it, negative once past; else null
 */
public record Change(
        Trigger trigger,
        String measureId,
        String summary,
        String from,
        String to,
        LocalDate on,
        Instant recordedAt,
        String source,
        String eventId,
        Integer daysLeft) {}
