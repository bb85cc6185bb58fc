package org.tracker.api.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code tracker.relay.lag}: how many stored events have not yet been relayed to Kafka. It should hover near zero;
 * a growing value means the broker is unreachable or slower than the commands coming in. The relay's position is read
 * from the token store, where every segment's holder records it, so every instance reports the same figure whichever
 * segments it holds (the tokens are Jackson-serialized {@code GapAwareTrackingToken}s, whose {@code index} is the last
 * event relayed).
 */
@Component
class RelayLag implements MeterBinder {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    RelayLag(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tracker.relay.lag", this::lag)
                .description("stored events not yet published to Kafka")
                .baseUnit("events")
                .register(registry);
    }

    private double lag() {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong headPosition = head == null ? OptionalLong.empty() : head.position();
        if (headPosition.isEmpty()) {
            return 0;
        }
        Long relayed = jdbc.queryForObject(
                "select min((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint) from tokenentry"
                        + " where processorname = ? and token is not null",
                Long.class,
                KafkaRelay.PROCESSING_GROUP);
        return Math.max(0, headPosition.getAsLong() - (relayed == null ? -1 : relayed));
    }
}
