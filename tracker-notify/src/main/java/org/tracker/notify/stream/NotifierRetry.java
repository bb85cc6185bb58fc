package org.tracker.notify.stream;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tracker.core.measure.SequencedEvent;
import org.tracker.notify.parking.ParkedEvent;
import org.tracker.notify.parking.ParkedRetry;
import org.tracker.notify.parking.StoredEventLookup;
import org.tracker.notify.parking.StreamConsumer;

/**
 * The notifier's retry of a measure's parked events: they are read from the event store (which also holds those too
 * large for Kafka) and decided again in order, as if they had just arrived. Those it has already passed alert nobody.
 */
@Component
class NotifierRetry implements ParkedRetry {

    private final NotifierConsumer notifier;
    private final StoredEventLookup store;

    NotifierRetry(NotifierConsumer notifier, StoredEventLookup store) {
        this.notifier = notifier;
        this.store = store;
    }

    @Override
    public StreamConsumer consumer() {
        return StreamConsumer.NOTIFIER;
    }

    @Override
    public void retry(String measureId, List<ParkedEvent> parked) {
        notifier.decide(store.find(parked.stream().map(ParkedEvent::eventId).toList()).stream()
                .map(SequencedEvent::of)
                .toList());
    }
}
