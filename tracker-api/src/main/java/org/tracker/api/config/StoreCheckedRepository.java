package org.tracker.api.config;

import java.util.Objects;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Axon's caching repository, whose cache is trusted only as far as the store agrees: before a command is decided on a
 * cached measure, the store's last sequence for it is read (one indexed query), and a measure another instance has
 * appended to since is evicted and replayed from the store. Without the check an instance decided on the state it
 * last saw itself: it acknowledged a fact as already known after another instance had undone it (ADR 13).
 *
 * <p>What another instance appends between this check and this instance's append still collides on the store's
 * unique (measure, sequence) key, which the gateway retries on fresh state.
 */
final class StoreCheckedRepository<T> extends CachingEventSourcingRepository<T> {

    private final EventStore store;
    private final Cache cache;

    StoreCheckedRepository(EventSourcingRepository.Builder<T> builder, EventStore store, Cache cache) {
        super(builder.eventStore(store).cache(cache));
        this.store = store;
        this.cache = cache;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String measureId, Long expectedVersion) {
        EventSourcedAggregate<T> loaded = super.doLoadWithLock(measureId, expectedVersion);
        Long stored = store.lastSequenceNumberFor(measureId).orElse(null);
        if (Objects.equals(loaded.version(), stored)) {
            return loaded;
        }
        cache.remove(measureId);
        return super.doLoadWithLock(measureId, expectedVersion);
    }
}
