package io.tributary.connect.storage;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Writes the offsets of one source connector's partitions into the offset store. */
public final class SourceOffsetWriter {

    private final String connector;
    private final OffsetBackingStore store;
    private final OffsetCodec codec;

    public SourceOffsetWriter(String connector, OffsetBackingStore store, OffsetCodec codec) {
        this.connector = connector;
        this.store = store;
        this.codec = codec;
    }

    /** Serializes now (so bad offsets fail the caller) and completes once the store has them. */
    public CompletableFuture<Void> write(Map<Map<String, Object>, Map<String, Object>> offsets) {
        if (offsets.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Map<ByteBuffer, ByteBuffer> serialized = new HashMap<>();
        offsets.forEach((partition, offset) -> serialized.put(codec.key(connector, partition), codec.value(offset)));
        return store.set(serialized);
    }
}
