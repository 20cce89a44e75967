package io.tributary.connect.storage;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offsets of one source connector that has a topic of its own ({@code offsets.storage.topic}), seen together
 * with the worker's offset store as Kafka Connect sees them: a partition's offset in the connector's topic wins over
 * the worker's. Writes go to the connector's topic; the worker's store gets a copy, removals first (so that a crash
 * in between cannot leave an offset behind there that the connector's topic no longer has), the rest after the
 * connector's topic took them, not waited for. The connector's store is started on first use, on the caller's
 * thread (a task's, or one serving a REST request), and stopped with this view; the worker's is never stopped here.
 */
public final class ConnectorOffsetBackingStore implements OffsetBackingStore {

    private static final Logger log = LoggerFactory.getLogger(ConnectorOffsetBackingStore.class);

    private final OffsetBackingStore worker;
    private final OffsetBackingStore connector;
    private final String connectorTopic;
    private boolean started;
    private boolean stopped;

    /**
     * @param worker         the worker's offset store, started and stopped by its owner
     * @param connector      the store on the connector's own topic, owned by this view
     * @param connectorTopic that topic's name, for log lines
     */
    public ConnectorOffsetBackingStore(OffsetBackingStore worker, OffsetBackingStore connector, String connectorTopic) {
        this.worker = worker;
        this.connector = connector;
        this.connectorTopic = connectorTopic;
    }

    /** Reads the connector's topic to its end, once; later calls return at once. */
    @Override
    public synchronized void start() {
        if (stopped) {
            throw new IllegalStateException("The offset store of topic " + connectorTopic + " was stopped");
        }
        if (!started) {
            connector.start();
            started = true;
        }
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        if (started) {
            connector.stop();
            started = false;
        }
    }

    @Override
    public CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
        start();
        return worker.get(keys).thenCombine(connector.get(keys), ConnectorOffsetBackingStore::connectorWins);
    }

    @Override
    public CompletableFuture<Map<ByteBuffer, ByteBuffer>> all() {
        start();
        return worker.all().thenCombine(connector.all(), ConnectorOffsetBackingStore::connectorWins);
    }

    @Override
    public CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values) {
        start();
        Map<ByteBuffer, ByteBuffer> removals = new HashMap<>();
        Map<ByteBuffer, ByteBuffer> offsets = new HashMap<>();
        values.forEach((key, value) -> (value == null ? removals : offsets).put(key, value));
        CompletableFuture<Void> removedFromWorker = removals.isEmpty() ? CompletableFuture.completedFuture(null)
                : worker.set(removals);
        return removedFromWorker.thenCompose(ignored -> connector.set(values)).thenRun(() -> {
            if (!offsets.isEmpty()) {
                worker.set(offsets).whenComplete((done, error) -> {
                    if (error != null) {
                        log.warn("Could not copy offsets written to {} to the worker's offsets topic", connectorTopic,
                                error);
                    }
                });
            }
        });
    }

    private static Map<ByteBuffer, ByteBuffer> connectorWins(Map<ByteBuffer, ByteBuffer> fromWorker,
                                                             Map<ByteBuffer, ByteBuffer> fromConnector) {
        Map<ByteBuffer, ByteBuffer> merged = new HashMap<>(fromWorker);
        merged.putAll(fromConnector);
        return merged;
    }
}
