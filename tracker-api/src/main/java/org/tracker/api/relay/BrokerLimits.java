package org.tracker.api.relay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import org.tracker.api.config.TrackerProperties;
import org.tracker.infra.EventSizeLimit;

/**
 * Refuses to start the tracker against a broker that would refuse its largest events: the relay would then publish
 * stand-ins for facts that fit the tracker's own limits, and the consumers park them. Checked before the relay and the
 * consumers start. A broker that cannot be reached now is not refused: the relay waits for it, as for any outage.
 */
@Component
class BrokerLimits implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BrokerLimits.class);
    private static final long WAIT_SECONDS = 15;

    private final KafkaAdmin admin;
    private final TrackerProperties properties;

    BrokerLimits(KafkaAdmin admin, TrackerProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> tooLow;
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            tooLow = tooLow(client, properties.topic(), EventSizeLimit.LARGEST_RECORD_BYTES);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("could not read the Kafka broker's size limits, so they are not checked: {}", e.toString());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!tooLow.isEmpty()) {
            throw new IllegalStateException("The Kafka broker would refuse the tracker's largest events ("
                    + EventSizeLimit.LARGEST_RECORD_BYTES + " bytes with headers): " + String.join("; ", tooLow));
        }
    }

    /** @return one sentence per setting below {@code required}, naming it and the value it needs */
    static List<String> tooLow(Admin client, String topic, int required)
            throws InterruptedException, ExecutionException, TimeoutException {
        Collection<Node> nodes = client.describeCluster().nodes().get(WAIT_SECONDS, TimeUnit.SECONDS);
        Set<String> topics = client.listTopics().names().get(WAIT_SECONDS, TimeUnit.SECONDS);
        List<ConfigResource> resources = new ArrayList<>();
        for (Node node : nodes) {
            resources.add(new ConfigResource(ConfigResource.Type.BROKER, node.idString()));
        }
        if (topics.contains(topic)) {
            resources.add(new ConfigResource(ConfigResource.Type.TOPIC, topic));
        }
        Map<ConfigResource, Config> configs =
                client.describeConfigs(resources).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        List<String> tooLow = new ArrayList<>();
        configs.forEach((resource, config) -> {
            boolean isTopic = resource.type() == ConfigResource.Type.TOPIC;
            String setting = isTopic ? TopicConfig.MAX_MESSAGE_BYTES_CONFIG : "message.max.bytes";
            ConfigEntry entry = config.get(setting);
            if (entry != null && entry.value() != null && Long.parseLong(entry.value()) < required) {
                tooLow.add((isTopic ? "topic " + topic : "broker " + resource.name()) + " has " + setting + "="
                        + entry.value() + ", and needs at least " + required
                        + (isTopic
                                ? " (kafka-configs --alter --entity-type topics --entity-name " + topic
                                        + " --add-config " + setting + "=" + required + ")"
                                : " (set " + setting + "=" + required + " in its server.properties)"));
            }
        });
        return tooLow;
    }
}
