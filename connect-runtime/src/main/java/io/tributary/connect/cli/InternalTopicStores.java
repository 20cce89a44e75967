package io.tributary.connect.cli;

import io.tributary.connect.config.DistributedConfig;
import io.tributary.connect.status.KafkaStatusStore;
import io.tributary.connect.storage.KafkaConfigBackingStore;
import io.tributary.connect.storage.KafkaLogSettings;
import io.tributary.connect.storage.KafkaOffsetBackingStore;
import org.apache.kafka.clients.CommonClientConfigs;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The three stores of a distributed worker, each on its internal topic as the worker file names it: configs
 * (one partition), offsets and statuses. Their clients get the worker's connection and security settings.
 * This is the stores' one owner: it starts each once, beside other startup work, and stops them after the
 * herder stopped.
 */
final class InternalTopicStores {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final DistributedConfig config;
    private final Map<String, Object> clientProperties;
    private final KafkaConfigBackingStore configStore;
    private final KafkaOffsetBackingStore offsetStore;
    private final KafkaStatusStore statusStore;
    private List<StoreStart> starts = List.of();

    /** Creates the stores (not started yet): the same instance each time one is asked for. */
    InternalTopicStores(DistributedConfig config) {
        this.config = config;
        this.clientProperties = clientProperties(config);
        String transactionalId = config.transactionalLeaderEnabled() ? config.transactionalProducerId() : null;
        this.configStore = new KafkaConfigBackingStore(settings(config.configTopic(),
                DistributedConfig.CONFIG_TOPIC_CONFIG, 1, DistributedConfig.CONFIG_STORAGE_PREFIX),
                WorkerBootstrap.TIME, transactionalId);
        this.offsetStore = new KafkaOffsetBackingStore(settings(config.offsetsTopic(),
                DistributedConfig.OFFSET_STORAGE_TOPIC_CONFIG, config.offsetsTopicPartitions(),
                DistributedConfig.OFFSET_STORAGE_PREFIX), WorkerBootstrap.TIME);
        this.statusStore = new KafkaStatusStore(settings(config.statusTopic(),
                DistributedConfig.STATUS_STORAGE_TOPIC_CONFIG, config.statusTopicPartitions(),
                DistributedConfig.STATUS_STORAGE_PREFIX), WorkerBootstrap.TIME);
    }

    /**
     * Starts each store on a thread of its own once the prerequisite (the Kafka cluster id lookup) succeeded. The
     * config topic too: changes read before the herder listens need no events, since the herder starts from the
     * snapshot and has no work to adjust until it joins the group.
     */
    synchronized void startAfter(CompletableFuture<?> prerequisite) {
        if (!starts.isEmpty()) {
            throw new IllegalStateException("The internal topic stores were started twice");
        }
        starts = List.of(
                StoreStart.after(prerequisite, "config-topic-start", configStore::start, configStore::stop),
                StoreStart.after(prerequisite, "status-topic-start", statusStore::start, statusStore::stop),
                StoreStart.after(prerequisite, "offset-topic-start", offsetStore::start, offsetStore::stop));
    }

    /** Waits until all three read their topics; throws the first failure. */
    void awaitStarted() {
        starts.forEach(StoreStart::await);
    }

    /** Stops the offset, status and config stores, in that order; any start still pending never happens. */
    synchronized void stop() {
        for (int i = starts.size() - 1; i >= 0; i--) {
            starts.get(i).stop();
        }
    }

    KafkaConfigBackingStore configStore() {
        return configStore;
    }

    KafkaOffsetBackingStore offsetStore() {
        return offsetStore;
    }

    KafkaStatusStore statusStore() {
        return statusStore;
    }

    private KafkaLogSettings settings(String topic, String topicKey, int partitions, String prefix) {
        return new KafkaLogSettings(topic, topicKey, partitions, config.replicationFactor(prefix), clientProperties,
                START_TIMEOUT);
    }

    /** Connection, security and DNS settings only: other worker keys would make the clients warn about them. */
    private static Map<String, Object> clientProperties(DistributedConfig config) {
        Map<String, Object> props = new HashMap<>();
        config.originals().forEach((key, value) -> {
            if (key.startsWith("ssl.") || key.startsWith("sasl.")
                    || key.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)
                    || key.equals(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG)) {
                props.put(key, value);
            }
        });
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        return props;
    }
}
