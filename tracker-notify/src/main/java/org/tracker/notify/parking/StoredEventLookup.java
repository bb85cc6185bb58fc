package org.tracker.notify.parking;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Events read back from the event store by id: a retry takes them from the store, which holds every accepted fact,
 * rather than from the topic, which lacks those too large for it.
 */
public interface StoredEventLookup {

    /** @return the events that exist, in the store's order */
    List<DomainEventMessage<?>> find(List<String> eventIds);
}
