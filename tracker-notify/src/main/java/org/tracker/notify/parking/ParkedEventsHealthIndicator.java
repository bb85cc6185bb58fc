package org.tracker.notify.parking;

import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code parkedEvents} health component: DOWN while any parked event is unresolved, with the counts per
 * consumer. It is left out of the readiness group (see application.yml): a parked event holds one measure back on
 * every instance alike, and taking every instance out of rotation would stop the API for all the others.
 */
@Component
class ParkedEventsHealthIndicator implements HealthIndicator {

    private final ParkedEvents parked;

    ParkedEventsHealthIndicator(ParkedEvents parked) {
        this.parked = parked;
    }

    @Override
    public Health health() {
        Map<StreamConsumer, Long> counts = parked.unresolvedCounts();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        Health.Builder health = total == 0 ? Health.up() : Health.down();
        counts.forEach((consumer, count) -> health.withDetail(consumer.id(), count));
        if (total > 0) {
            health.withDetail("see", "GET /api/admin/parked");
        }
        return health.build();
    }
}
