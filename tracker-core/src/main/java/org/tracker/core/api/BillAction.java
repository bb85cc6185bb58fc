package org.tracker.core.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One action on a bill as the official record lists it.
 *
 * @param time when the record gives one (floor actions usually do), else null
 * @param type the record's action type ({@code IntroReferral}, {@code Floor}, {@code President}, ...), or null
 * @param actionCode the record's action code ({@code H11100}, {@code 17000}, ...), or null
 * @param committees names of the committees the action concerns
 * @param recordedVote the roll call that decided it, or null
 */
public record BillAction(
        LocalDate date,
        LocalTime time,
        String text,
        String type,
        String actionCode,
        ActionSource source,
        List<String> committees,
        RecordedVoteRef recordedVote) {

    public BillAction {
        Require.present(date, "an action needs its date");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an action needs its text");
        }
        text = text.strip();
        source = source == null ? ActionSource.OTHER : source;
        committees = committees == null ? List.of() : List.copyOf(committees);
    }

    /**
     * What makes two reports of an action the same fact: its date, time, source and text. Recording an action with
     * the same identity twice records nothing.
     */
    public String identity() {
        return date + "|" + (time == null ? "" : time) + "|" + source + "|" + text;
    }
}
