package io.tributary.connect.storage;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps source offsets as serialized key and value bytes. Reads and writes are asynchronous so
 * that task threads never wait on storage I/O unless they choose to.
 */
public interface OffsetBackingStore {

    void start();

    void stop();

    /** The stored values of the keys present; absent keys are left out of the answer. */
    CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys);

    /** Stores the values durably before completing; a null value removes its key. */
    CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values);

    /** Everything stored, e.g. to list a connector's offsets. */
    CompletableFuture<Map<ByteBuffer, ByteBuffer>> all();
}
