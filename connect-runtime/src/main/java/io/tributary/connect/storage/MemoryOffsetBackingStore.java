package io.tributary.connect.storage;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Offsets held in memory. One thread owns the map, so writes are applied (and, in subclasses,
 * persisted) in the order they were submitted.
 */
public class MemoryOffsetBackingStore implements OffsetBackingStore {

    private final Map<ByteBuffer, ByteBuffer> data = new HashMap<>();
    private ExecutorService executor;

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "offset-store");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
        return CompletableFuture.supplyAsync(() -> {
            Map<ByteBuffer, ByteBuffer> found = new HashMap<>();
            for (ByteBuffer key : keys) {
                ByteBuffer value = data.get(key);
                if (value != null) {
                    found.put(key, value);
                }
            }
            return found;
        }, executor());
    }

    @Override
    public CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values) {
        return CompletableFuture.runAsync(() -> {
            values.forEach((key, value) -> {
                if (value == null) {
                    data.remove(key);
                } else {
                    data.put(key, value);
                }
            });
            persist(Map.copyOf(data));
        }, executor());
    }

    @Override
    public CompletableFuture<Map<ByteBuffer, ByteBuffer>> all() {
        return CompletableFuture.supplyAsync(() -> Map.copyOf(data), executor());
    }

    /** Replaces the whole content; only for subclasses loading their state before use. */
    protected final void load(Map<ByteBuffer, ByteBuffer> loaded) {
        data.clear();
        data.putAll(loaded);
    }

    /** Called on the store's thread after every write; memory needs nothing more. */
    protected void persist(Map<ByteBuffer, ByteBuffer> snapshot) {
    }

    private synchronized ExecutorService executor() {
        if (executor == null) {
            throw new IllegalStateException("The offset store is not started");
        }
        return executor;
    }
}
