package org.tracker.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Two readers of JSON with opposite duties. Stored events are read leniently, so that an event written by a newer
 * version with an extra field still reads. Commands from clients are read strictly, so that a misspelt field is
 * an error instead of a silently missing fact.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfig {

    @Bean
    @Primary
    public ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    /** The name Axon looks for when it builds its Jackson serializer. */
    @Bean
    public ObjectMapper defaultAxonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    public ObjectMapper strictJson(Jackson2ObjectMapperBuilder builder) {
        return builder.build()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
