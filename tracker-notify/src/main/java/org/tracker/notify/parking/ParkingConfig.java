package org.tracker.notify.parking;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class ParkingConfig {

    /**
     * The error handler of both consumers' listeners. What reaches it is an outage (the policy parks everything
     * else), so the batch is tried again, with growing pauses, for as long as the outage lasts: never skipped.
     */
    @Bean
    CommonErrorHandler retryOutagesForever(StreamProperties properties) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(properties.firstPause().toMillis(), 2.0);
        backOff.setMaxInterval(properties.longestPause().toMillis());
        return new DefaultErrorHandler(backOff);
    }
}
