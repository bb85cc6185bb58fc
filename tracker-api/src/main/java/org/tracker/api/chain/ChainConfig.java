package org.tracker.api.chain;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event storage engine, in place of the one Axon's Spring Boot autoconfiguration would build, and built the same
 * way (same serializers, upcasters, snapshot filter, connections and transactions), but linking what it appends.
 */
@Configuration(proxyBeanMethods = false)
public class ChainConfig {

    @Bean
    public EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager) {
        return new ChainingEventStorageEngine(
                JdbcEventStorageEngine.builder()
                        .snapshotSerializer(defaultSerializer)
                        .upcasterChain(configuration.upcasterChain())
                        .persistenceExceptionResolver(persistenceExceptionResolver)
                        .eventSerializer(eventSerializer)
                        .snapshotFilter(configuration.snapshotFilter())
                        .connectionProvider(connectionProvider),
                transactionManager);
    }
}
