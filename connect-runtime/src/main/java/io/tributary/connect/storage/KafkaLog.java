package io.tributary.connect.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes to and tails one compacted topic. {@link #start()} reads the whole topic before returning,
 * so the owner knows the full state; afterwards a background thread hands every new record to the
 * callback, including records written by other workers. The callback always runs on that one thread
 * (or the starting thread during {@code start}), in each partition's order. Writes go through a thread
 * of their own, so a caller never waits for the broker: while it is away the producer may block for its
 * metadata, and that must hold up neither task threads reporting statuses nor the herder.
 */
public final class KafkaLog {

    private static final Logger log = LoggerFactory.getLogger(KafkaLog.class);
    private static final Duration TAIL_POLL = Duration.ofSeconds(30);
    private static final long RETRY_BACKOFF_MS = 1_000;
    private static final long STOP_TIMEOUT_MS = 30_000;
    private static final long WRITER_STOP_TIMEOUT_MS = 5_000;

    private final KafkaLogSettings settings;
    private final Consumer<ConsumerRecord<byte[], byte[]>> onRecord;
    private final Time time;
    private final Runnable onCaughtUp;
    private final Queue<CompletableFuture<Void>> readRequests = new ConcurrentLinkedQueue<>();

    /** The clients and threads of a started log, published at once; null before start and after stop. */
    private volatile Running running;
    private volatile boolean stopping;

    /** What {@link #start()} builds and {@link #stop()} closes; every thread sees all of it or none. */
    private record Running(Admin admin, KafkaProducer<byte[], byte[]> producer, KafkaConsumer<byte[], byte[]> consumer,
                           List<TopicPartition> partitions, ExecutorService writer, Thread tailThread) {
    }

    public KafkaLog(KafkaLogSettings settings, Consumer<ConsumerRecord<byte[], byte[]>> onRecord, Time time) {
        this(settings, onRecord, () -> { }, time);
    }

    /**
     * @param onCaughtUp runs once the initial read is done and before any later record is delivered, so
     *                   owners can tell history from news
     */
    public KafkaLog(KafkaLogSettings settings, Consumer<ConsumerRecord<byte[], byte[]>> onRecord, Runnable onCaughtUp,
                    Time time) {
        this.settings = settings;
        this.onRecord = onRecord;
        this.onCaughtUp = onCaughtUp;
        this.time = time;
    }

    public String topic() {
        return settings.topic();
    }

    /**
     * Creates or checks the topic, then consumes it to its end; fails if that takes longer than allowed. The
     * log's owner starts it once (and may start it again after {@link #stop()}).
     *
     * @throws IllegalStateException if the log already runs
     */
    public synchronized void start() {
        if (running != null) {
            throw new IllegalStateException("The log of topic " + topic() + " was started twice");
        }
        Admin admin = Admin.create(settings.adminProperties());
        try {
            CompactedTopic.ensure(admin, settings, time);
        } catch (RuntimeException e) {
            closeClients(admin, null, null);
            throw e;
        }
        KafkaProducer<byte[], byte[]> producer = null;
        KafkaConsumer<byte[], byte[]> consumer = null;
        List<TopicPartition> partitions;
        try {
            long deadline = time.milliseconds() + settings.startTimeout().toMillis();
            producer = new KafkaProducer<>(producerProperties());
            consumer = new KafkaConsumer<>(consumerProperties());
            partitions = partitions(consumer, deadline);
            readToEndOnStart(consumer, partitions, deadline);
        } catch (RuntimeException e) {
            closeClients(admin, producer, consumer);
            throw e instanceof KafkaException && !(e instanceof ConnectException)
                    ? new ConnectException("Could not read topic " + topic() + ": " + e.getMessage(), e) : e;
        }
        warmUp(producer);
        ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-log-writer-" + topic());
            thread.setDaemon(true);
            return thread;
        });
        onCaughtUp.run();
        stopping = false;
        // The reader starts after running is set below, so it sees the parts it reads with.
        Thread tailThread = new Thread(() -> tail(running), "kafka-log-" + topic());
        tailThread.setDaemon(true);
        running = new Running(admin, producer, consumer, partitions, writer, tailThread);
        tailThread.start();
        log.info("Read topic {} to its end; now following it", topic());
    }

    private void readToEndOnStart(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                                  long deadline) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, remaining(deadline));
        while (!caughtUp(consumer, ends)) {
            if (time.milliseconds() >= deadline) {
                throw new ConnectException("Could not read topic " + topic() + " to its end within "
                        + settings.startTimeout().toMillis() + " ms; is the cluster reachable and the topic readable?");
            }
            deliver(consumer.poll(remaining(deadline)));
        }
    }

    /** Completes once every record written to the topic before this call has gone through the callback. */
    public CompletableFuture<Void> readToEnd() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Running now = running;
        if (now == null || stopping) {
            done.completeExceptionally(notRunning());
            return done;
        }
        readRequests.add(done);
        now.consumer().wakeup();
        return done;
    }

    /**
     * Writes one record (a null value is a tombstone) without waiting; completes when the broker acknowledged
     * it, or with the producer's error. Records are written in the order of the calls.
     */
    public CompletableFuture<RecordMetadata> send(byte[] key, byte[] value) {
        Running now = running;
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        if (now == null) {
            acked.completeExceptionally(notRunning());
            return acked;
        }
        try {
            now.writer().execute(() -> sendNow(now.producer(), new ProducerRecord<>(topic(), key, value), acked));
        } catch (RejectedExecutionException e) {
            acked.completeExceptionally(notRunning());
        }
        return acked;
    }

    private static void sendNow(KafkaProducer<byte[], byte[]> current, ProducerRecord<byte[], byte[]> record,
                                CompletableFuture<RecordMetadata> acked) {
        try {
            current.send(record, (metadata, error) -> {
                if (error != null) {
                    acked.completeExceptionally(error);
                } else {
                    acked.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            // Metadata that did not arrive within max.block.ms, a closed producer, a record too large.
            acked.completeExceptionally(e);
        }
    }

    /** Waits until every record sent so far was acknowledged or failed. */
    public void flush() {
        Running now = running;
        if (now == null) {
            return;
        }
        try {
            now.writer().submit(() -> { }).get();
        } catch (RejectedExecutionException | ExecutionException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        now.producer().flush();
    }

    private IllegalStateException notRunning() {
        return new IllegalStateException("The log of topic " + topic() + " is not running");
    }

    /** Stops following the topic, lets writes already asked for reach the producer, and closes the clients. */
    public synchronized void stop() {
        Running now = running;
        if (now == null) {
            return;
        }
        stopping = true;
        now.consumer().wakeup();
        try {
            now.tailThread().join(STOP_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (now.tailThread().isAlive()) {
            log.warn("The reader of topic {} did not stop within {} ms", topic(), STOP_TIMEOUT_MS);
        }
        running = null;
        stopWriter(now.writer());
        closeClients(now.admin(), now.producer(), now.consumer());
        failPendingReads(new ConnectException("The log of topic " + topic() + " was stopped"));
    }

    private void tail(Running parts) {
        KafkaConsumer<byte[], byte[]> consumer = parts.consumer();
        List<CompletableFuture<Void>> serving = new ArrayList<>();
        while (!stopping) {
            try {
                drainRequests(serving);
                if (serving.isEmpty()) {
                    deliver(consumer.poll(TAIL_POLL));
                    continue;
                }
                Map<TopicPartition, Long> ends = endOffsets(parts);
                while (!caughtUp(consumer, ends) && !stopping) {
                    deliver(consumer.poll(TAIL_POLL));
                }
                serving.forEach(request -> request.complete(null));
                serving.clear();
            } catch (WakeupException e) {
                // A new readToEnd request or stop(): the loop picks either up.
            } catch (KafkaException e) {
                log.error("Error reading topic {}; retrying in {} ms", topic(), RETRY_BACKOFF_MS, e);
                time.sleep(RETRY_BACKOFF_MS);
            }
        }
        serving.forEach(request -> request.completeExceptionally(
                new ConnectException("The log of topic " + topic() + " was stopped")));
    }

    /**
     * The topic's end offsets, asked through the admin client: the consumer's own connection may hold a fetch the
     * broker parks for up to fetch.max.wait.ms when nothing new arrived, and the broker answers a connection's
     * requests in order, so asking there would make every read-to-end wait for that fetch. The high watermark, not the
     * last stable offset, as Kafka Connect reads to the end: a transaction's commit returns before its markers reach
     * the topic, and only the high watermark includes a write its writer just committed. This read_committed reader
     * gets there once the markers are written, delivering the committed records on the way, and waits for
     * transactions still open (an exactly-once task's) to end.
     */
    private Map<TopicPartition, Long> endOffsets(Running parts) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        parts.partitions().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answers = parts.admin()
                    .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(TAIL_POLL.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> ends = new HashMap<>();
            answers.forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException ke ? ke
                    : new KafkaException("Could not read the end offsets of topic " + topic(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Timed out reading the end offsets of topic " + topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while reading the end offsets of topic " + topic(), e);
        }
    }

    private void drainRequests(List<CompletableFuture<Void>> into) {
        CompletableFuture<Void> request;
        while ((request = readRequests.poll()) != null) {
            into.add(request);
        }
    }

    private void deliver(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                onRecord.accept(record);
            } catch (RuntimeException e) {
                log.error("Failed to process record at offset {} of {}-{}", record.offset(), record.topic(),
                        record.partition(), e);
            }
        }
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    // Metadata of a topic created a moment ago may not have reached every broker yet.
    /**
     * A producer's first send waits for the topic's metadata. Asking for it now, while the worker is still
     * starting, keeps that round trip out of the first write, such as the session key that a new leader writes
     * before its worker is ready. A failure here is left for that write to report.
     */
    private void warmUp(KafkaProducer<byte[], byte[]> producer) {
        try {
            producer.partitionsFor(topic());
        } catch (KafkaException e) {
            log.debug("Could not fetch the metadata of topic {} for its producer yet", topic(), e);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, long deadline) {
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic(), remaining(deadline));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
            if (time.milliseconds() >= deadline) {
                throw new ConnectException("Topic " + topic() + " has no partitions visible to this worker");
            }
            time.sleep(100);
        }
    }

    private Duration remaining(long deadline) {
        return Duration.ofMillis(Math.max(0, deadline - time.milliseconds()));
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> props = settings.producerProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = settings.consumerProperties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Transactional writers (a fenced config leader, exactly-once sources) must only be seen once committed.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return props;
    }

    private void failPendingReads(Exception cause) {
        CompletableFuture<Void> request;
        while ((request = readRequests.poll()) != null) {
            request.completeExceptionally(cause);
        }
    }

    /** Lets writes already asked for reach the producer (briefly), so that closing it sends them. */
    private void stopWriter(ExecutorService writer) {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(WRITER_STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                log.warn("Writes to topic {} still wait for the broker; closing its producer fails them", topic());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeClients(Admin admin, KafkaProducer<byte[], byte[]> producer,
                                     KafkaConsumer<byte[], byte[]> consumer) {
        admin.close(Duration.ofMillis(STOP_TIMEOUT_MS));
        if (producer != null) {
            producer.close(Duration.ofMillis(STOP_TIMEOUT_MS));
        }
        if (consumer != null) {
            consumer.close();
        }
    }
}
