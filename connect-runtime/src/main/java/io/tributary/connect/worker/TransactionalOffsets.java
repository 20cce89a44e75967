package io.tributary.connect.worker;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tributary.connect.storage.OffsetBackingStore;
import io.tributary.connect.storage.OffsetCodec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source offsets of an exactly-once task's transaction: gathered as records are sent, then written by the
 * task's own transactional producer into the transaction, so that records and offsets commit or abort together.
 * They go to the connector's offsets topic ({@code offsets.storage.topic}, else the worker's). When that is not the
 * worker's topic, the worker's topic gets a copy as Kafka Connect keeps one: removals before the transaction (a
 * crash must not leave an offset there that the connector's topic no longer has), the rest once it committed.
 * Task thread only.
 */
final class TransactionalOffsets {

    private static final Logger log = LoggerFactory.getLogger(TransactionalOffsets.class);

    private final String connector;
    private final String offsetsTopic;
    private final OffsetBackingStore workerCopy;
    private final long timeoutMs;
    private final OffsetCodec codec = new OffsetCodec();
    private Map<Map<String, Object>, Map<String, Object>> pending = new LinkedHashMap<>();

    /**
     * @param offsetsTopic where the task's offsets are written within its transactions
     * @param workerCopy   the worker's offset store when {@code offsetsTopic} is another topic, else null
     * @param timeoutMs    how long the worker's copy of removed offsets may take (offset.flush.timeout.ms)
     */
    TransactionalOffsets(String connector, String offsetsTopic, OffsetBackingStore workerCopy, long timeoutMs) {
        this.connector = connector;
        this.offsetsTopic = offsetsTopic;
        this.workerCopy = workerCopy;
        this.timeoutMs = timeoutMs;
    }

    String topic() {
        return offsetsTopic;
    }

    /** Notes the newest offset of a record's source partition; records without a partition keep no offset. */
    @SuppressWarnings("unchecked")
    void record(Map<String, ?> partition, Map<String, ?> offset) {
        if (partition != null) {
            pending.put((Map<String, Object>) partition, (Map<String, Object>) offset);
        }
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * Sends the pending offsets into the producer's open transaction and takes them out of pending; the caller
     * commits the transaction (which waits for these sends) and then calls {@link #committed}.
     *
     * @throws ConnectException when an offset cannot be stored (not plain JSON values), or the worker's copy of
     *                          removals failed; nothing was sent then
     */
    Map<Map<String, Object>, Map<String, Object>> sendInTransaction(Producer<byte[], byte[]> producer) {
        Map<Map<String, Object>, Map<String, Object>> batch = pending;
        Map<ByteBuffer, ByteBuffer> serialized = new LinkedHashMap<>();
        try {
            batch.forEach((partition, offset) -> serialized.put(codec.key(connector, partition), codec.value(offset)));
        } catch (RuntimeException e) {
            throw new ConnectException("Source offsets of connector " + connector + " cannot be stored: "
                    + e.getMessage(), e);
        }
        copyRemovalsFirst(serialized);
        List<Future<RecordMetadata>> sent = new ArrayList<>(serialized.size());
        serialized.forEach((key, value) -> sent.add(producer.send(
                new ProducerRecord<>(offsetsTopic, bytes(key), value == null ? null : bytes(value)))));
        pending = new LinkedHashMap<>();
        return batch;
    }

    /** After the transaction committed: the worker's copy of the offsets, not waited for (as Kafka Connect). */
    void committed(Map<Map<String, Object>, Map<String, Object>> batch) {
        if (workerCopy == null || batch.isEmpty()) {
            return;
        }
        Map<ByteBuffer, ByteBuffer> values = new HashMap<>();
        batch.forEach((partition, offset) -> {
            if (offset != null) {
                values.put(codec.key(connector, partition), codec.value(offset));
            }
        });
        if (!values.isEmpty()) {
            workerCopy.set(values).whenComplete((ignored, error) -> {
                if (error != null) {
                    log.warn("Could not copy offsets of connector {} to the worker's offsets topic; they are safe in "
                            + "{}", connector, offsetsTopic, error);
                }
            });
        }
    }

    private void copyRemovalsFirst(Map<ByteBuffer, ByteBuffer> serialized) {
        if (workerCopy == null) {
            return;
        }
        Map<ByteBuffer, ByteBuffer> removals = new HashMap<>();
        serialized.forEach((key, value) -> {
            if (value == null) {
                removals.put(key, null);
            }
        });
        if (removals.isEmpty()) {
            return;
        }
        try {
            workerCopy.set(removals).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while removing offsets of connector " + connector
                    + " from the worker's offsets topic", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ConnectException("Could not remove offsets of connector " + connector
                    + " from the worker's offsets topic", e instanceof ExecutionException ? e.getCause() : e);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
