package org.tracker.api.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tracker's own settings.
 *
 * @param topic the Kafka topic every event is published to, keyed by measure id
 * @param partitions how many partitions that topic is created with; fixed from then on, since adding partitions moves
 *     measures to other partitions and breaks the order of their events (docs/operations.md)
 * @param replicationFactor how many brokers keep a copy of that topic when it is created: 1 for a single broker, 3
 *     for a cluster that must survive the loss of a broker
 * @param relayBatchSize how many stored events the relay sends to Kafka before waiting for the broker's acks
 * @param relayAckTimeout how long the relay waits for those acks before it gives up and retries the batch
 * @param maxBodyBytes the largest request body the API reads, imports aside
 * @param maxImportBytes the largest request body {@code /api/imports} reads: official files run to megabytes
 * @param seed whether to load the seed set of measures into an empty store
 * @param apiToken a write token for the {@code operator} account, filed (as its hash) at start; when no token is on
 *     file and none is given, the tracker creates one and shows it once
 */
@ConfigurationProperties("tracker")
public record TrackerProperties(
        @DefaultValue("tracker.events") String topic,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("500") int relayBatchSize,
        @DefaultValue("30s") Duration relayAckTimeout,
        @DefaultValue("1048576") long maxBodyBytes,
        @DefaultValue("67108864") long maxImportBytes,
        @DefaultValue("true") boolean seed,
        String apiToken) {}
