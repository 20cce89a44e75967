package io.tributary.connect.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Time;

/**
 * Source offsets in the offset topic shared by the cluster (keys and values in {@link OffsetCodec}'s
 * format). The local map only ever changes from what is read back, so every worker converges on the
 * topic's content; reads first catch up with the topic so they see writes made anywhere before them.
 */
public final class KafkaOffsetBackingStore implements OffsetBackingStore {

    private final Map<ByteBuffer, ByteBuffer> data = new ConcurrentHashMap<>();
    private final KafkaLog log;

    public KafkaOffsetBackingStore(KafkaLogSettings settings, Time time) {
        this.log = new KafkaLog(settings, this::apply, time);
    }

    @Override
    public void start() {
        log.start();
    }

    @Override
    public void stop() {
        log.stop();
    }

    @Override
    public CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
        return log.readToEnd().thenApply(ignored -> {
            Map<ByteBuffer, ByteBuffer> found = new HashMap<>();
            for (ByteBuffer key : keys) {
                ByteBuffer value = data.get(key);
                if (value != null) {
                    found.put(key, value);
                }
            }
            return found;
        });
    }

    /** Completes once the broker acknowledged every record; fails if any write failed. */
    @Override
    public CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values) {
        List<CompletableFuture<?>> acks = new ArrayList<>(values.size());
        values.forEach((key, value) -> acks.add(log.send(bytes(key), value == null ? null : bytes(value))));
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }

    @Override
    public CompletableFuture<Map<ByteBuffer, ByteBuffer>> all() {
        return log.readToEnd().thenApply(ignored -> Map.copyOf(data));
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        ByteBuffer key = ByteBuffer.wrap(record.key());
        if (record.value() == null) {
            data.remove(key);
        } else {
            data.put(key, ByteBuffer.wrap(record.value()));
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
