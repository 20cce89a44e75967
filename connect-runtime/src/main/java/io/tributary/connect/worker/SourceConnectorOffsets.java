package io.tributary.connect.worker;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tributary.connect.config.ConnectorClientOverrides;
import io.tributary.connect.config.SourceConnectorConfig;
import io.tributary.connect.config.WorkerClientConfigs;
import io.tributary.connect.model.ConnectorOffset;
import io.tributary.connect.storage.OffsetBackingStore;
import io.tributary.connect.storage.OffsetCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The offsets a source connector's tasks committed, read and written as a whole (the REST offsets endpoints):
 * from and to the connector's own offsets topic when it has one, together with the worker's. With exactly-once
 * support enabled, changes are written in a transaction of the connector's task 0 producer, as Kafka Connect
 * writes them: claiming that transactional id also fences whatever instance of the task might still linger.
 * Blocking; callers run it off the herder's thread.
 */
final class SourceConnectorOffsets {

    /** How long reading or writing the offsets may take; the request's own deadline is longer. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ConnectorOffsetStores stores;
    private final WorkerClientConfigs clients;
    private final boolean exactlyOnce;
    private final OffsetCodec codec = new OffsetCodec();

    SourceConnectorOffsets(ConnectorOffsetStores stores, WorkerClientConfigs clients, boolean exactlyOnce) {
        this.stores = stores;
        this.clients = clients;
        this.exactlyOnce = exactlyOnce;
    }

    /** Every stored partition of the connector with its offset; keys of other shapes are skipped. */
    List<ConnectorOffset> read(String connector, SourceConnectorConfig config, ConnectorClientOverrides overrides) {
        OffsetBackingStore store = stores.forConnector(config, overrides);
        try {
            Map<ByteBuffer, ByteBuffer> all = await(store.all(), connector);
            List<ConnectorOffset> offsets = new ArrayList<>();
            all.forEach((key, value) -> {
                OffsetCodec.Key parsed = codec.parseKey(key);
                if (parsed != null && parsed.connector().equals(connector) && parsed.partition() != null
                        && value != null) {
                    offsets.add(new ConnectorOffset(parsed.partition(), codec.offset(value)));
                }
            });
            return offsets;
        } finally {
            store.stop();
        }
    }

    /** Stores the offsets; a null offset removes its partition. A null partition names nothing and is skipped. */
    void write(String connector, SourceConnectorConfig config, ConnectorClientOverrides overrides,
               Map<Map<String, ?>, Map<String, ?>> offsets) {
        Map<ByteBuffer, ByteBuffer> serialized = new LinkedHashMap<>();
        offsets.forEach((partition, offset) -> {
            if (partition != null) {
                serialized.put(codec.key(connector, partition), codec.value(offset));
            }
        });
        if (serialized.isEmpty()) {
            return;
        }
        if (!exactlyOnce) {
            OffsetBackingStore store = stores.forConnector(config, overrides);
            try {
                await(store.set(serialized), connector);
            } finally {
                store.stop();
            }
            return;
        }
        writeInTransaction(connector, config, overrides, serialized);
    }

    private void writeInTransaction(String connector, SourceConnectorConfig config, ConnectorClientOverrides overrides,
                                    Map<ByteBuffer, ByteBuffer> serialized) {
        boolean ownTopic = stores.hasOwnTopic(config, overrides);
        Map<ByteBuffer, ByteBuffer> removals = new HashMap<>();
        Map<ByteBuffer, ByteBuffer> values = new HashMap<>();
        serialized.forEach((key, value) -> (value == null ? removals : values).put(key, value));
        String topic = stores.offsetsTopic(config);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                clients.exactlyOnceProducer(connector, 0, overrides))) {
            producer.initTransactions();
            if (ownTopic && !removals.isEmpty()) {
                await(stores.workerStore().set(removals), connector);
            }
            producer.beginTransaction();
            serialized.forEach((key, value) -> producer.send(new ProducerRecord<>(topic, bytes(key),
                    value == null ? null : bytes(value))));
            producer.commitTransaction();
        } catch (KafkaException e) {
            throw new ConnectException("Failed to modify offsets for source connector " + connector, e);
        }
        if (ownTopic && !values.isEmpty()) {
            await(stores.workerStore().set(values), connector);
        }
    }

    /** The keys of the connector's stored partitions, e.g. to remove them all. */
    static Map<Map<String, ?>, Map<String, ?>> nullOffsets(List<ConnectorOffset> stored) {
        Map<Map<String, ?>, Map<String, ?>> reset = new HashMap<>();
        stored.forEach(offset -> reset.put(offset.partition(), null));
        return reset;
    }

    private static <T> T await(CompletableFuture<T> future, String connector) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reading or writing the offsets of connector " + connector, e);
        } catch (ExecutionException e) {
            throw new ConnectException("Failed to read or write the offsets of source connector " + connector,
                    e.getCause());
        } catch (TimeoutException e) {
            throw new ConnectException("Timed out reading or writing the offsets of source connector " + connector, e);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
