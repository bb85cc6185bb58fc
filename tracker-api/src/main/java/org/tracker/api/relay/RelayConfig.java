package org.tracker.api.relay;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.tracker.api.config.TrackerProperties;
import org.tracker.infra.EventSizeLimit;

@Configuration(proxyBeanMethods = false)
public class RelayConfig {

    /** The relay's segments, each claimed by one thread of one instance; {@link RelayBalancer} shares them out. */
    static final int SEGMENTS = 2;

    @Bean
    public NewTopic eventsTopic(TrackerProperties properties) {
        return TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(EventSizeLimit.LARGEST_RECORD_BYTES))
                .build();
    }

    /**
     * The producer may send the tracker's largest event, unless {@code
     * spring.kafka.producer.properties.max.request.size} says otherwise (tests lower it to reach the too-large path
     * with small facts). Consumers need no such setting: Kafka hands a consumer a record larger than its fetch
     * limits when it is the first of its fetch, so they make progress through any record the broker took.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer largestEventFits(KafkaProperties kafka) {
        return factory -> {
            if (!kafka.getProducer().getProperties().containsKey(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)) {
                factory.updateConfigs(
                        Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, EventSizeLimit.LARGEST_RECORD_BYTES));
            }
        };
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
     * configuration. It runs on a tracking processor, whose threads wait on the event store's stream and wake as soon
     * as a commit lands: a pooled streaming processor looks for new events only every half second when its stream
     * cannot call it back (the JDBC store's cannot), which made every alert wait 250 ms on average and up to 500 ms
     * (measured: p99 from command to a Kafka consumer 508 ms pooled, 60 ms tracking, at 200 commands/s). Two
     * segments on two threads let both cores convert and send; events are split between them by measure, so each
     * measure's events still go out in order. A thread holding no segment looks for an unclaimed one every two
     * seconds, so a survivor takes over the segments of an instance that died once their claim expires (five
     * seconds, application.yml). Errors propagate so that a failed batch is retried instead of skipped.
     */
    @Bean
    public ConfigurerModule kafkaRelayProcessor(ObjectProvider<KafkaRelay> relay, TrackerProperties properties) {
        return configurer -> configurer
                .eventProcessing()
                .registerEventHandler(c -> relay.getObject())
                .assignHandlerInstancesMatching(KafkaRelay.PROCESSING_GROUP, KafkaRelay.class::isInstance)
                .registerListenerInvocationErrorHandler(
                        KafkaRelay.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerTrackingEventProcessor(
                        KafkaRelay.PROCESSING_GROUP,
                        c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forParallelProcessing(SEGMENTS)
                                .andInitialSegmentsCount(SEGMENTS)
                                .andBatchSize(properties.relayBatchSize())
                                .andTokenClaimInterval(2, TimeUnit.SECONDS)
                                .andInitialTrackingToken(source -> source.createTailToken()));
    }
}
