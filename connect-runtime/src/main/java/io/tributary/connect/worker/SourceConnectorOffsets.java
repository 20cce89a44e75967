package io.tributary.connect.worker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.tributary.connect.model.ConnectorOffset;
import io.tributary.connect.storage.OffsetBackingStore;
import io.tributary.connect.storage.OffsetCodec;
import io.tributary.connect.storage.SourceOffsetWriter;

/** The offsets a source connector's tasks committed to the offset store, read and written as a whole. */
final class SourceConnectorOffsets {

    private final OffsetBackingStore store;
    private final OffsetCodec codec = new OffsetCodec();

    SourceConnectorOffsets(OffsetBackingStore store) {
        this.store = store;
    }

    /** Every stored partition of the connector with its offset; keys of other shapes are skipped. */
    CompletableFuture<List<ConnectorOffset>> read(String connector) {
        return store.all().thenApply(all -> {
            List<ConnectorOffset> offsets = new ArrayList<>();
            all.forEach((key, value) -> {
                OffsetCodec.Key parsed = codec.parseKey(key);
                if (parsed != null && parsed.connector().equals(connector) && parsed.partition() != null
                        && value != null) {
                    offsets.add(new ConnectorOffset(parsed.partition(), codec.offset(value)));
                }
            });
            return offsets;
        });
    }

    /** Stores the offsets; a null offset removes its partition. A null partition names nothing and is skipped. */
    @SuppressWarnings("unchecked")
    CompletableFuture<Void> write(String connector, Map<Map<String, ?>, Map<String, ?>> offsets) {
        Map<Map<String, Object>, Map<String, Object>> writable = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (partition != null) {
                writable.put((Map<String, Object>) partition, (Map<String, Object>) offset);
            }
        });
        return new SourceOffsetWriter(connector, store, codec).write(writable);
    }

    /** The keys of the connector's stored partitions, e.g. to remove them all. */
    static Map<Map<String, ?>, Map<String, ?>> nullOffsets(List<ConnectorOffset> stored) {
        Map<Map<String, ?>, Map<String, ?>> reset = new HashMap<>();
        stored.forEach(offset -> reset.put(offset.partition(), null));
        return reset;
    }
}
