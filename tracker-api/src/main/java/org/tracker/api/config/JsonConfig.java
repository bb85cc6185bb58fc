package org.tracker.api.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Two readers of JSON with opposite duties. Stored events are read leniently, so that an event written by a newer
 * version with an extra field still reads. Commands from clients are read strictly, so that a misspelt field is
 * an error instead of a silently missing fact.
 *
 * <p>Request bodies are parsed by the primary mapper (Spring's message converter uses it) before any command is
 * read: it takes one JSON document with each key once, so that a body cannot carry a second document or a second
 * value of a field that one reader sees and another does not.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfig {

    @Bean
    @Primary
    public ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        return oneDocumentEachKeyOnce(builder.build());
    }

    /** The name Axon looks for when it builds its Jackson serializer. */
    @Bean
    public ObjectMapper defaultAxonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Also refuses a fraction where a whole number is expected, which Jackson would otherwise truncate, and a date or
     * time written other than as {@code 2025-02-12} or {@code 14:30}.
     */
    @Bean
    public ObjectMapper strictJson(Jackson2ObjectMapperBuilder builder) {
        return oneDocumentEachKeyOnce(builder.build())
                .registerModule(new SimpleModule("iso-dates-and-times")
                        .addDeserializer(LocalDate.class, IsoDateTimes.DATES)
                        .addDeserializer(LocalTime.class, IsoDateTimes.TIMES))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    private static ObjectMapper oneDocumentEachKeyOnce(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
