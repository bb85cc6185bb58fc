package org.tracker.api.config;

import java.util.List;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tracker.core.armssale.ArmsSale;
import org.tracker.core.bill.Bill;
import org.tracker.core.mou.Mou;
import org.tracker.core.report.MandatedReport;
import org.tracker.core.vote.RollCallVote;
import org.tracker.core.waiver.Waiver;

/**
 * Registers the domain's aggregates with Axon. tracker-core carries no Spring annotations, so the aggregates are
 * registered here rather than found by component scanning.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    static final List<Class<?>> AGGREGATES =
            List.of(Bill.class, RollCallVote.class, ArmsSale.class, Waiver.class, Mou.class, MandatedReport.class);

    /**
     * Aggregates stay in a cache between commands: without it every command replays the measure's whole history,
     * which is what made one command per transaction slow.
     */
    @Bean
    public Cache measureCache() {
        return new WeakReferenceCache();
    }

    @Bean
    public ConfigurerModule aggregates(Cache measureCache) {
        return configurer -> AGGREGATES.forEach(type -> configurer.configureAggregate(cached(type, measureCache)));
    }

    private static <A> AggregateConfigurer<A> cached(Class<A> type, Cache cache) {
        return AggregateConfigurer.defaultConfiguration(type).configureCache(c -> cache);
    }
}
