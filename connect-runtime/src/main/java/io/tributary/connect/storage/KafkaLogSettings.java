package io.tributary.connect.storage;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link KafkaLog} needs to know about its topic and clients.
 *
 * @param topic             the compacted topic to write and tail
 * @param topicConfigKey    the worker property that names the topic, quoted in errors so users know what to fix
 * @param partitions        partitions to create the topic with; -1 leaves it to the broker
 * @param replicationFactor replication factor to create the topic with; -1 leaves it to the broker
 * @param clientProperties  common client settings (bootstrap servers, security ...)
 * @param producerOverrides producer-only settings, applied over the common ones
 * @param consumerOverrides consumer-only settings, applied over the common ones
 * @param startTimeout      how long {@link KafkaLog#start()} may take to read the topic to its end
 */
public record KafkaLogSettings(String topic, String topicConfigKey, int partitions, short replicationFactor,
                               Map<String, Object> clientProperties, Map<String, Object> producerOverrides,
                               Map<String, Object> consumerOverrides, Duration startTimeout) {

    public KafkaLogSettings {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(topicConfigKey, "topicConfigKey");
        clientProperties = Map.copyOf(clientProperties);
        producerOverrides = Map.copyOf(producerOverrides);
        consumerOverrides = Map.copyOf(consumerOverrides);
        Objects.requireNonNull(startTimeout, "startTimeout");
    }

    public KafkaLogSettings(String topic, String topicConfigKey, int partitions, short replicationFactor,
                            Map<String, Object> clientProperties, Duration startTimeout) {
        this(topic, topicConfigKey, partitions, replicationFactor, clientProperties, Map.of(), Map.of(), startTimeout);
    }

    Map<String, Object> producerProperties() {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.putAll(producerOverrides);
        return props;
    }

    Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.putAll(consumerOverrides);
        return props;
    }

    /** Admin only understands the common settings; client-type specific ones would only cause warnings. */
    Map<String, Object> adminProperties() {
        return new HashMap<>(clientProperties);
    }
}
