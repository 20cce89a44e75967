package io.tributary.connect.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** A connector's own offsets topic seen together with the worker's, as Kafka Connect sees them. */
class ConnectorOffsetBackingStoreTest {

    private final List<String> writes = new ArrayList<>();
    private final Recording worker = new Recording("worker");
    private final Recording connector = new Recording("connector");
    private final ConnectorOffsetBackingStore store = new ConnectorOffsetBackingStore(worker, connector, "own-offsets");

    @Test
    void theConnectorsTopicWinsOverTheWorkersAndTheWorkersFillsIn() {
        worker.put("a", "old-a");
        worker.put("b", "only-worker-b");
        connector.put("a", "new-a");

        assertThat(text(store.get(List.of(key("a"), key("b"), key("c"))).join()))
                .isEqualTo(Map.of("a", "new-a", "b", "only-worker-b"));
        assertThat(text(store.all().join())).isEqualTo(Map.of("a", "new-a", "b", "only-worker-b"));
    }

    @Test
    void removalsReachTheWorkersCopyFirstAndValuesAfterTheConnectorsTopicTookThem() {
        Map<ByteBuffer, ByteBuffer> values = new HashMap<>();
        values.put(key("gone"), null);
        values.put(key("kept"), key("v"));

        store.set(values).join();

        assertThat(writes).containsExactly("worker removes [gone]", "connector writes [gone, kept]",
                "worker writes [kept]");
    }

    @Test
    void theConnectorsStoreStartsOnFirstUseAndStopsWithTheViewButTheWorkersNever() {
        assertThat(connector.started).isFalse();
        store.get(List.of(key("a"))).join();
        store.all().join();
        assertThat(connector.starts).isEqualTo(1);

        store.stop();
        assertThat(connector.started).isFalse();
        assertThat(worker.stops).isZero();
    }

    private static ByteBuffer key(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> text(Map<ByteBuffer, ByteBuffer> values) {
        Map<String, String> text = new HashMap<>();
        values.forEach((k, v) -> text.put(StandardCharsets.UTF_8.decode(k.duplicate()).toString(),
                StandardCharsets.UTF_8.decode(v.duplicate()).toString()));
        return text;
    }

    /** A memory store that notes each write in the shared list. */
    private final class Recording extends MemoryOffsetBackingStore {
        private final String name;
        boolean started;
        int starts;
        int stops;

        Recording(String name) {
            this.name = name;
            super.start();
        }

        void put(String key, String value) {
            super.set(Map.of(key(key), key(value))).join();
        }

        @Override
        public void start() {
            started = true;
            starts++;
        }

        @Override
        public void stop() {
            started = false;
            stops++;
        }

        @Override
        public CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values) {
            List<String> keys = values.keySet().stream().map(k -> StandardCharsets.UTF_8.decode(k.duplicate())
                    .toString()).sorted().toList();
            boolean removals = values.values().stream().allMatch(v -> v == null);
            writes.add(name + (removals ? " removes " : " writes ") + keys);
            return super.set(values);
        }

        @Override
        public CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
            return super.get(keys);
        }
    }
}
