package org.tracker.notify;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.tracker.notify.send.WebhookBody;

@Configuration(proxyBeanMethods = false)
class NotifyConfig {

    /**
     * The notifier's consumers, apart from the projections': their own group, and the error handler both consumers
     * share, which retries an outage for as long as it lasts (events that fail by themselves are parked before it).
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> notifierListenerFactory(
            KafkaProperties kafka, NotifyProperties properties, CommonErrorHandler retryOutagesForever) {
        Map<String, Object> consumer = kafka.buildConsumerProperties(null);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, properties.group());
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer));
        factory.setBatchListener(true);
        // The notifier's position is the one it records in PostgreSQL with its decisions; the offset it commits to
        // Kafka only shows its lag to Kafka's tools. Once a second is enough for that, and spares the broker a commit
        // per batch (measured: commits were 38% of the in-process broker's work at 200 facts/s).
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.TIME);
        factory.getContainerProperties().setAckTime(1_000);
        factory.setCommonErrorHandler(retryOutagesForever);
        return factory;
    }

    /** Plain code, tested without Spring; a bean so that the outbox writes with the tracker's public address. */
    @Bean
    WebhookBody webhookBody(NotifyProperties properties) {
        return new WebhookBody(properties.publicUrl());
    }
}
