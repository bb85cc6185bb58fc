package org.tracker.api.projection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class ProjectionConfig {

    /**
     * A batch that cannot be applied is retried, with growing pauses up to a minute, for as long as it takes; never
     * skipped. A projection that stalls shows in its lag and can be mended; one that skipped a fact is silently wrong.
     */
    @Bean
    CommonErrorHandler retryForever() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(60_000);
        return new DefaultErrorHandler(backOff);
    }
}
