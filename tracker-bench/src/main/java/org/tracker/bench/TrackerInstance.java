package org.tracker.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.tracker.api.TrackerApplication;
import org.tracker.api.batch.CommandBatch;
import org.tracker.api.config.TrackerProperties;
import org.tracker.api.measures.ProjectionConsumer;
import org.tracker.api.measures.ProjectionRebuild;
import org.tracker.api.relay.KafkaRelay;
import org.tracker.imports.cli.ImportCommand;

/**
 * The tracker's own Spring context, started as its tests start it: with the servers given on the command line, no
 * seed data, and a topic of the benchmark's choosing.
 */
final class TrackerInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private TrackerInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * @param overrides settings from the benchmark's command line; they win over the benchmark's own, because Spring
     *     joins a key given twice on the command line into a list instead of taking either
     */
    static TrackerInstance start(BenchServers servers, String topic, Map<String, String> overrides) {
        return start(servers, topic, overrides, new Class<?>[0]);
    }

    /**
     * As {@link #start(BenchServers, String, Map)}, with configuration classes of the benchmark's own added to the
     * tracker's context (an instrument, never a change to what the tracker does).
     */
    static TrackerInstance start(
            BenchServers servers, String topic, Map<String, String> overrides, Class<?>... benchSources) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("spring.datasource.url", servers.jdbcUrl());
        settings.put("spring.datasource.username", servers.databaseUser());
        settings.put("spring.datasource.password", servers.databasePassword());
        settings.put("spring.kafka.bootstrap-servers", servers.bootstrapServers());
        settings.put("tracker.topic", topic);
        settings.put("tracker.seed", "false");
        // Writes go through the command gateway, not HTTP; a token given here keeps the tracker from making one up and
        // printing it.
        settings.put("tracker.api-token", UUID.randomUUID().toString());
        // Progress and figures go to standard output; the tracker's own log says only what went wrong.
        settings.put("logging.level.root", "warn");
        settings.put("logging.level.org.axonframework", "warn");
        // It warns on every start that its API documentation is served, which a benchmark never asks for.
        settings.put("logging.level.org.springdoc", "error");
        settings.putAll(overrides);
        String[] args = settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
        return new TrackerInstance(new SpringApplicationBuilder(TrackerApplication.class)
                .sources(benchSources)
                .run(args));
    }

    CommandGateway commands() {
        return context.getBean(CommandGateway.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    CommandBatch commandBatch() {
        return context.getBean(CommandBatch.class);
    }

    /** The tracking processor that runs the {@link KafkaRelay}. */
    EventProcessor relay() {
        return context.getBean(Configuration.class)
                .eventProcessingConfiguration()
                .eventProcessor(KafkaRelay.PROCESSING_GROUP)
                .orElseThrow(() -> new IllegalStateException("the tracker has no " + KafkaRelay.PROCESSING_GROUP));
    }

    /** The Kafka listener container that feeds the measure table. */
    MessageListenerContainer projection() {
        MessageListenerContainer container =
                context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(ProjectionConsumer.GROUP);
        if (container == null) {
            throw new IllegalStateException("the tracker has no listener " + ProjectionConsumer.GROUP);
        }
        return container;
    }

    ProjectionRebuild projectionRebuild() {
        return context.getBean(ProjectionRebuild.class);
    }

    /**
     * Imports files as {@code ./tracker import} does, with its own code, over this tracker's HTTP API.
     *
     * @param arguments the command's arguments: options, then files and directories
     */
    void importWithTheCommand(String token, List<String> arguments) {
        int exit = ImportCommand.run(
                arguments,
                Map.of("TRACKER_URL", "http://127.0.0.1:" + port(), "TRACKER_API_TOKEN", token),
                System.out,
                System.err);
        if (exit != 0) {
            throw new IllegalStateException(
                    "./tracker import " + String.join(" ", arguments) + " ended with exit" + " code " + exit);
        }
    }

    /** The port the tracker's HTTP API listens on. */
    int port() {
        return ((org.springframework.boot.web.context.WebServerApplicationContext) context)
                .getWebServer()
                .getPort();
    }

    TrackerProperties properties() {
        return context.getBean(TrackerProperties.class);
    }

    /** The settings the tracker's own producer is built from, so that a baseline producer can use the same. */
    Map<String, Object> producerSettings() {
        return context.getBean(KafkaProperties.class).buildProducerProperties(null);
    }

    /** The settings the projection's consumer is built from. */
    Map<String, Object> consumerSettings() {
        return context.getBean(KafkaProperties.class).buildConsumerProperties(null);
    }

    @Override
    public void close() {
        context.close();
    }
}
