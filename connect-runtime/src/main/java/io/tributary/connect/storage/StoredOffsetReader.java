package io.tributary.connect.storage;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** What a source task sees of its connector's stored offsets. */
public final class StoredOffsetReader implements OffsetStorageReader {

    private final String connector;
    private final OffsetBackingStore store;
    private final OffsetCodec codec;

    public StoredOffsetReader(String connector, OffsetBackingStore store, OffsetCodec codec) {
        this.connector = connector;
        this.store = store;
        this.codec = codec;
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        return offsets(List.of(partition)).get(partition);
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<ByteBuffer, Map<String, T>> byKey = new HashMap<>();
        for (Map<String, T> partition : partitions) {
            byKey.put(codec.key(connector, partition), partition);
        }
        Map<ByteBuffer, ByteBuffer> stored;
        try {
            stored = store.get(byKey.keySet()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reading the offsets of " + connector, e);
        } catch (ExecutionException e) {
            throw new ConnectException("Could not read the offsets of " + connector, e.getCause());
        }
        Map<Map<String, T>, Map<String, Object>> offsets = new HashMap<>();
        byKey.forEach((key, partition) -> offsets.put(partition, codec.offset(stored.get(key))));
        return offsets;
    }
}
