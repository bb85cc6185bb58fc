package org.tracker.api.config;

import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.modelling.command.DefaultRepositorySpanFactory;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tracker.core.api.FactCalendar;
import org.tracker.core.api.FactCommand;
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
     * which is what made one command per transaction slow. The store has the last word on whether an entry is current
     * ({@link StoreCheckedRepository}), since other instances append too.
     */
    @Bean
    public Cache measureCache() {
        return new WeakReferenceCache();
    }

    /**
     * Whether a fact's dates can be true depends on the day it arrives, so the calendar is applied where every command
     * passes with a clock at hand: the gateway, which the API, imports, the seed and the benchmarks all send through.
     * A refusal is thrown to the sender before any aggregate loads, as the IllegalArgumentException the API answers
     * with a 400 and an import reports as the file's rejection.
     */
    @Bean
    public MessageDispatchInterceptor<CommandMessage<?>> factCalendar(Clock clock) {
        return commands -> (index, command) -> {
            if (command.getPayload() instanceof FactCommand fact) {
                FactCalendar.at(clock.instant()).check(fact);
            }
            return command;
        };
    }

    @Bean
    public ConfigurerModule aggregates(Cache measureCache) {
        return configurer -> AGGREGATES.forEach(type -> configurer.configureAggregate(checked(type, measureCache)));
    }

    private static <A> AggregateConfigurer<A> checked(Class<A> type, Cache cache) {
        return AggregateConfigurer.defaultConfiguration(type)
                .configureRepository(c -> new StoreCheckedRepository<>(
                        EventSourcingRepository.builder(type)
                                .aggregateModel(AnnotatedAggregateMetaModelFactory.inspectAggregate(
                                        type, c.parameterResolverFactory(), c.handlerDefinition(type)))
                                .repositoryProvider(c::repository)
                                .spanFactory(c.getComponent(
                                        RepositorySpanFactory.class, () -> DefaultRepositorySpanFactory.builder()
                                                .spanFactory(c.spanFactory())
                                                .build())),
                        c.eventStore(),
                        cache));
    }

    /** PostgreSQL's refusal of a sequence already taken is a concurrency conflict, not a store failure. */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeys();
    }

    /**
     * The gateway every command goes through, which decides a command that lost a race for its measure again on the
     * measure's new state: five more tries within about a third of a second.
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ConflictRetry conflictRetry) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(conflictRetry)
                .build();
    }

    @Bean(destroyMethod = "close")
    ConflictRetry conflictRetry() {
        return new ConflictRetry(5, 10);
    }
}
