package org.tracker.notify.parking;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code tracker.stream.parked{consumer}}: the consumer's unresolved parked events. Read from the table, so that
 * every instance shows the same figure and an operator's retry shows at once.
 */
@Component
class ParkedEventsMetrics implements MeterBinder {

    private final ParkedEvents parked;

    ParkedEventsMetrics(ParkedEvents parked) {
        this.parked = parked;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (StreamConsumer consumer : StreamConsumer.values()) {
            Gauge.builder("tracker.stream.parked", () -> parked.unresolvedCounts()
                            .get(consumer))
                    .description("events parked by the consumer and not yet retried or discarded")
                    .baseUnit("events")
                    .tag("consumer", consumer.id())
                    .register(registry);
        }
    }
}
