package org.tracker.notify.parking;

import java.util.List;

/** How one consumer processes a measure's parked events again when an operator asks for it. */
public interface ParkedRetry {

    StreamConsumer consumer();

    /**
     * Processes them again, in the caller's transaction; throwing leaves them parked.
     *
     * @param parked the measure's unresolved parked events for this consumer, in the measure's order
     */
    void retry(String measureId, List<ParkedEvent> parked);
}
