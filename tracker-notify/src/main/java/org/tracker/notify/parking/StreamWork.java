package org.tracker.notify.parking;

import java.util.List;
import org.tracker.core.measure.SequencedEvent;

/** What a consumer does with the events of a batch; {@link ParkingPolicy} decides which events and in what transactions. */
@FunctionalInterface
public interface StreamWork {

    /**
     * Applies measure events in the caller's transaction, in the order given; it may be called with the whole batch,
     * one measure's events or a single event, and again with events it has already applied.
     */
    void apply(List<SequencedEvent> events);

    /** Runs last, in the transaction that parks the batch's unprocessable events: where a consumer moves its position. */
    default void settle() {}
}
