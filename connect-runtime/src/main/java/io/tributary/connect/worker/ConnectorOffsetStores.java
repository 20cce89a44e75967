package io.tributary.connect.worker;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.tributary.connect.config.ConnectorClientOverrides;
import io.tributary.connect.config.DistributedConfig;
import io.tributary.connect.config.SourceConnectorConfig;
import io.tributary.connect.config.WorkerClientConfigs;
import io.tributary.connect.config.WorkerConfig;
import io.tributary.connect.storage.ConnectorOffsetBackingStore;
import io.tributary.connect.storage.KafkaLogSettings;
import io.tributary.connect.storage.KafkaOffsetBackingStore;
import io.tributary.connect.storage.OffsetBackingStore;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest.ClientType;

/**
 * Where a source connector's offsets live: the worker's offsets topic, or the connector's own
 * {@code offsets.storage.topic} where the worker permits one (distributed mode), as Kafka Connect decides. A
 * topic of its own is the same topic as the worker's when it has the worker's name and the connector's producer
 * reaches the same brokers.
 */
final class ConnectorOffsetStores {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final WorkerConfig config;
    private final WorkerClientConfigs clients;
    private final OffsetBackingStore workerStore;
    private final Time time;

    ConnectorOffsetStores(WorkerConfig config, WorkerClientConfigs clients, OffsetBackingStore workerStore, Time time) {
        this.config = config;
        this.clients = clients;
        this.workerStore = workerStore;
        this.time = time;
    }

    /** The topic the connector's offsets are written to; null where offsets are not kept in Kafka. */
    String offsetsTopic(SourceConnectorConfig connector) {
        String own = connector.offsetsTopic();
        return own != null && config.connectorOffsetsTopicsPermitted() ? own : config.offsetsTopic();
    }

    /** Whether the connector's offsets go to a topic other than the worker's. */
    boolean hasOwnTopic(SourceConnectorConfig connector, ConnectorClientOverrides overrides) {
        String own = connector.offsetsTopic();
        if (own == null || !config.connectorOffsetsTopicsPermitted()) {
            return false;
        }
        return !own.equals(config.offsetsTopic()) || !sameBrokers(overrides);
    }

    /**
     * The store to read and write the connector's offsets through, to be stopped by the caller when done with it
     * (which never stops the worker's store).
     */
    OffsetBackingStore forConnector(SourceConnectorConfig connector, ConnectorClientOverrides overrides) {
        if (!hasOwnTopic(connector, overrides)) {
            return new Borrowed(workerStore);
        }
        String topic = connector.offsetsTopic();
        DistributedConfig distributed = (DistributedConfig) config;
        KafkaLogSettings settings = new KafkaLogSettings(topic, SourceConnectorConfig.OFFSETS_TOPIC_CONFIG,
                distributed.offsetsTopicPartitions(),
                distributed.replicationFactor(DistributedConfig.OFFSET_STORAGE_PREFIX), clients.internalTopicClients(),
                overrides.forClient(ClientType.PRODUCER), overrides.forClient(ClientType.CONSUMER), START_TIMEOUT);
        return new ConnectorOffsetBackingStore(workerStore, new KafkaOffsetBackingStore(settings, time), topic);
    }

    OffsetBackingStore workerStore() {
        return workerStore;
    }

    private boolean sameBrokers(ConnectorClientOverrides overrides) {
        Object overridden = overrides.forClient(ClientType.PRODUCER).get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        return overridden == null || servers(overridden.toString()).equals(servers(config.bootstrapServers()));
    }

    private static Set<String> servers(String list) {
        Set<String> servers = new HashSet<>();
        for (String server : List.of(list.split(","))) {
            if (!server.isBlank()) {
                servers.add(server.trim());
            }
        }
        return servers;
    }

    /** The worker's store lent to one user: its owner starts and stops it, never the borrower. */
    private record Borrowed(OffsetBackingStore store) implements OffsetBackingStore {
        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        @Override
        public CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
            return store.get(keys);
        }

        @Override
        public CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values) {
            return store.set(values);
        }

        @Override
        public CompletableFuture<Map<ByteBuffer, ByteBuffer>> all() {
            return store.all();
        }
    }
}
