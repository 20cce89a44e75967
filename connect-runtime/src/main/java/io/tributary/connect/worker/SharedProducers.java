package io.tributary.connect.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.tributary.connect.model.ConnectorTaskId;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producers a worker's at-least-once source tasks share. Tasks whose effective producer settings are equal
 * (worker defaults, {@code producer.*}, the connector's policy-checked {@code producer.override.*}; the client id
 * aside, unless the user chose one) lease one producer, up to {@link #MAX_TASKS_PER_PRODUCER} tasks each, instead
 * of one producer and one network thread per task. A producer is created with its first lease and closed with its
 * last, so a task that stops, fails or is abandoned never closes it under the others.
 *
 * <p>Fair shares of the buffer: a task may have at most its own {@code buffer.memory} of record bytes (uncompressed
 * key, value and headers) in flight, and the shared producer's buffer is that many times the tasks it may serve.
 * Records of one task, however stuck (a partition without a leader), thus never take the buffer space another
 * task's send needs; the task itself waits for its own acknowledgements, as with a producer of its own.
 */
final class SharedProducers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedProducers.class);

    static final int MAX_TASKS_PER_PRODUCER = 64;
    /** Client ids of shared producers: this plus a number counting this worker's shared producers. */
    static final String CLIENT_ID_PREFIX = "connector-producer-shared-";
    /** The producer's own default, for settings that name none. */
    private static final long DEFAULT_BUFFER_MEMORY = 32L * 1024 * 1024;
    /** Bytes a record costs beyond its key, value and headers (the record format's largest overhead). */
    private static final int RECORD_OVERHEAD_BYTES = 21;
    private static final int HEADER_OVERHEAD_BYTES = 10;

    /** Makes a producer from its configuration. */
    interface Factory {
        Producer<byte[], byte[]> create(Map<String, Object> config);
    }

    private final Factory factory;
    private final int maxTasksPerProducer;
    private final Map<Map<String, Object>, List<Shared>> byConfig = new HashMap<>();
    private int created;

    SharedProducers(Factory factory) {
        this(factory, MAX_TASKS_PER_PRODUCER);
    }

    SharedProducers(Factory factory, int maxTasksPerProducer) {
        this.factory = factory;
        this.maxTasksPerProducer = maxTasksPerProducer;
    }

    /**
     * Whether a task with these effective producer settings can share: not with a transactional id (that producer
     * is the task's alone), nor with a buffer size the producer would reject anyway.
     */
    static boolean canShare(Map<String, Object> config) {
        return config.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG) == null && bufferMemory(config) > 0;
    }

    /**
     * A lease on a producer with these settings, creating one when none has room.
     *
     * @param config       the task's effective producer settings, its client id included
     * @param taskClientId the client id generated for the task: when {@code config} still has it, the user set
     *                     none and the shared producer gets one of its own
     */
    Lease lease(ConnectorTaskId id, Map<String, Object> config, String taskClientId) {
        long taskBuffer = bufferMemory(config);
        if (taskBuffer <= 0) {
            throw new IllegalArgumentException("Producer settings of " + id + " cannot be shared");
        }
        Map<String, Object> key = new HashMap<>(config);
        boolean generatedClientId = taskClientId.equals(String.valueOf(config.get(ProducerConfig.CLIENT_ID_CONFIG)));
        if (generatedClientId) {
            key.remove(ProducerConfig.CLIENT_ID_CONFIG);
        }
        Map<String, Object> frozenKey = Collections.unmodifiableMap(key);
        synchronized (this) {
            List<Shared> candidates = byConfig.computeIfAbsent(frozenKey, k -> new ArrayList<>());
            for (Shared shared : candidates) {
                if (shared.leases < maxTasksPerProducer) {
                    shared.leases++;
                    log.debug("{} shares producer {} ({} tasks)", id, shared.clientId, shared.leases);
                    return new Lease(id, shared, taskBuffer);
                }
            }
            Map<String, Object> producerConfig = new HashMap<>(key);
            String clientId = generatedClientId ? CLIENT_ID_PREFIX + (++created)
                    : String.valueOf(config.get(ProducerConfig.CLIENT_ID_CONFIG));
            producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
            producerConfig.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(sharedBuffer(taskBuffer)));
            Shared shared;
            try {
                shared = new Shared(frozenKey, factory.create(producerConfig), clientId);
            } catch (RuntimeException e) {
                if (candidates.isEmpty()) {
                    byConfig.remove(frozenKey);
                }
                throw e;
            }
            candidates.add(shared);
            log.info("{} starts shared producer {}", id, clientId);
            return new Lease(id, shared, taskBuffer);
        }
    }

    /** How many producers are open. */
    synchronized int producers() {
        return byConfig.values().stream().mapToInt(List::size).sum();
    }

    /** Closes the producers still leased (only tasks that never released theirs leave any), without waiting. */
    @Override
    public void close() {
        List<Shared> open = new ArrayList<>();
        synchronized (this) {
            byConfig.values().forEach(open::addAll);
            byConfig.clear();
        }
        for (Shared shared : open) {
            log.warn("Closing shared producer {} with {} leases still held", shared.clientId, shared.leases);
            Utils.closeQuietly(() -> shared.producer.close(Duration.ZERO), "shared producer " + shared.clientId);
        }
    }

    /** True when the lease was the last, so that its holder closes the producer. */
    private synchronized boolean giveBack(Shared shared) {
        shared.leases--;
        if (shared.leases > 0) {
            return false;
        }
        List<Shared> group = byConfig.get(shared.key);
        if (group != null) {
            group.remove(shared);
            if (group.isEmpty()) {
                byConfig.remove(shared.key);
            }
        }
        return true;
    }

    private long sharedBuffer(long taskBuffer) {
        long total = taskBuffer * maxTasksPerProducer;
        return total / maxTasksPerProducer == taskBuffer ? total : Long.MAX_VALUE;
    }

    /** The effective buffer.memory, or -1 when it cannot be read as a positive number. */
    private static long bufferMemory(Map<String, Object> config) {
        Object value = config.get(ProducerConfig.BUFFER_MEMORY_CONFIG);
        if (value == null) {
            return DEFAULT_BUFFER_MEMORY;
        }
        try {
            long bytes = value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().trim());
            return bytes > 0 ? bytes : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static long estimatedSize(ProducerRecord<byte[], byte[]> record) {
        long size = RECORD_OVERHEAD_BYTES + length(record.key()) + length(record.value());
        for (Header header : record.headers()) {
            size += HEADER_OVERHEAD_BYTES + header.key().length() + length(header.value());
        }
        return size;
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    /** One producer and how many tasks hold a lease on it; leases counted under the registry's lock. */
    private static final class Shared {
        private final Map<String, Object> key;
        private final Producer<byte[], byte[]> producer;
        private final String clientId;
        private int leases = 1;

        private Shared(Map<String, Object> key, Producer<byte[], byte[]> producer, String clientId) {
            this.key = key;
            this.producer = producer;
            this.clientId = clientId;
        }
    }

    /** A task's use of a shared producer, with its share of the buffer. */
    final class Lease implements TaskProducer {
        private final ConnectorTaskId id;
        private final Shared shared;
        private final long maxBytesInFlight;
        private final AtomicBoolean released = new AtomicBoolean();
        /** Guarded by this lease. */
        private long bytesInFlight;
        /** Size of the record last refused for want of room; guarded by this lease. */
        private long refused;
        private boolean waiting;

        private Lease(ConnectorTaskId id, Shared shared, long maxBytesInFlight) {
            this.id = id;
            this.shared = shared;
            this.maxBytesInFlight = maxBytesInFlight;
        }

        String clientId() {
            return shared.clientId;
        }

        synchronized long bytesInFlight() {
            return bytesInFlight;
        }

        @Override
        public boolean trySend(ProducerRecord<byte[], byte[]> record, Callback callback) {
            if (released.get()) {
                throw new KafkaException(id + " released its lease on shared producer " + shared.clientId);
            }
            long size = estimatedSize(record);
            synchronized (this) {
                // A record larger than the whole share still goes, alone, as it would with a producer of its own.
                if (bytesInFlight > 0 && bytesInFlight + size > maxBytesInFlight) {
                    refused = size;
                    return false;
                }
                bytesInFlight += size;
            }
            Completion completion = new Completion(size, callback);
            try {
                shared.producer.send(record, completion);
            } catch (RuntimeException e) {
                completion.giveBack();
                throw e;
            }
            return true;
        }

        @Override
        public synchronized boolean awaitRoom(long timeoutMs) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            waiting = true;
            try {
                while (!hasRoom() && !released.get()) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, remaining);
                }
                return true;
            } finally {
                waiting = false;
            }
        }

        private boolean hasRoom() {
            return bytesInFlight == 0 || bytesInFlight + refused <= maxBytesInFlight;
        }

        private synchronized void returnBytes(long size) {
            bytesInFlight -= size;
            if (waiting && hasRoom()) {
                notifyAll();
            }
        }

        @Override
        public boolean shared() {
            return true;
        }

        @Override
        public void release(Duration timeout) {
            if (giveUp()) {
                shared.producer.close(timeout);
            }
        }

        @Override
        public void abandon() {
            if (giveUp()) {
                Thread closer = new Thread(() -> Utils.closeQuietly(() -> shared.producer.close(Duration.ZERO),
                        "shared producer " + shared.clientId), "producer-closer-" + shared.clientId);
                closer.setDaemon(true);
                closer.start();
            }
        }

        /** True when this lease was the last on its producer, which the caller then closes. */
        private boolean giveUp() {
            if (!released.compareAndSet(false, true)) {
                return false;
            }
            synchronized (this) {
                notifyAll();
            }
            boolean last = giveBack(shared);
            log.debug("{} released its lease on shared producer {}{}", id, shared.clientId,
                    last ? ", which closes" : "");
            return last;
        }

        /** Gives the record's bytes back once, and passes the outcome on while the task still holds its lease. */
        private final class Completion extends AtomicBoolean implements Callback {
            private final long size;
            private final Callback callback;

            private Completion(long size, Callback callback) {
                this.size = size;
                this.callback = callback;
            }

            @Override
            public void onCompletion(RecordMetadata metadata, Exception exception) {
                if (giveBack() && !released.get()) {
                    callback.onCompletion(metadata, exception);
                }
            }

            boolean giveBack() {
                if (compareAndSet(false, true)) {
                    returnBytes(size);
                    return true;
                }
                return false;
            }
        }
    }
}
