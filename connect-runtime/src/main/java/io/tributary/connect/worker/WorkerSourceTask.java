package io.tributary.connect.worker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.tributary.connect.errors.ErrorHandler;
import io.tributary.connect.errors.ProcessingContext;
import io.tributary.connect.errors.RecordSkippedException;
import io.tributary.connect.errors.Stage;
import io.tributary.connect.errors.TaskStoppingException;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.status.TopicRecorder;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a source task: poll, transform, convert, produce. Offsets are tracked per record and become
 * committable only once the broker acknowledged the record and every earlier one of its partition.
 * A send the producer refuses with a retriable error is tried again; a send that fails for good fails the
 * task rather than losing the record (or, with errors.tolerance=all, is reported and skipped). Records still
 * in flight when the task stops are not failures: their offsets stay uncommitted, so they are sent again.
 */
final class WorkerSourceTask extends WorkerTask {

    private static final Logger log = LoggerFactory.getLogger(WorkerSourceTask.class);

    /** Pause before offering the producer a record it refused with a retriable error. */
    static final long SEND_RETRY_BACKOFF_MS = 100;
    /** Longest wait for the task's share of a shared producer's buffer, so that a stop is noticed promptly. */
    static final long ROOM_WAIT_MS = 100;

    /** How far {@link #send} got with the unsent records. */
    private enum Sent { ALL, RETRIABLE_REFUSAL, NO_ROOM }

    /**
     * What the task needs besides the plugin itself. The task stops polling while it has its share of the
     * worker's {@code unacknowledged} budget in the producer: the producer's buffer counts compressed bytes, so with
     * compression it alone would let hundreds of thousands of records (with their callbacks and offsets) wait for
     * the broker, long enough for the collector to promote them all.
     */
    record Parts(Map<String, String> taskConfig, TransformationChain<SourceRecord> transformations,
                 Converters converters, TaskProducer producer, OffsetStorageReader offsetReader,
                 SourceOffsetFlusher.Factory flusherFactory, long offsetFlushTimeoutMs, TopicRecorder topics,
                 ErrorHandler errors, TopicCreator topicCreator, PluginMetricsImpl pluginMetrics, Time time,
                 SourceTaskMetrics metrics, AutoCloseable offsetStore, UnacknowledgedRecordBudget unacknowledged) {

        /** Parts with a producer of the task's own, the worker's offset store (left open) and a budget of its own. */
        Parts(Map<String, String> taskConfig, TransformationChain<SourceRecord> transformations,
              Converters converters, Producer<byte[], byte[]> producer, OffsetStorageReader offsetReader,
              SourceOffsetFlusher.Factory flusherFactory, long offsetFlushTimeoutMs, TopicRecorder topics,
              ErrorHandler errors, TopicCreator topicCreator, PluginMetricsImpl pluginMetrics, Time time,
              SourceTaskMetrics metrics) {
            this(taskConfig, transformations, converters, TaskProducer.own(producer, "task"), offsetReader,
                    flusherFactory, offsetFlushTimeoutMs, topics, errors, topicCreator, pluginMetrics, time, metrics,
                    () -> { }, new UnacknowledgedRecordBudget());
        }
    }

    private final SourceTask task;
    private final Parts parts;
    private final SourceRecordConverter converter;
    private final SubmittedRecords submitted;
    private final SourceOffsetFlusher flusher;
    private final AtomicReference<Throwable> producerFailure = new AtomicReference<>();
    /** Polled records not yet handed to the producer (it refused one with a retriable error); task thread only. */
    private List<SourceRecord> unsent = List.of();
    /** The first unsent record as converted, when it waits for room rather than for a retry; task thread only. */
    private ProducerRecord<byte[], byte[]> convertedHead;

    WorkerSourceTask(ConnectorTaskId id, SourceTask task, Parts parts, StatusReporter status, ClassLoader loader,
                     TargetState initialState) {
        super(id, status, loader, initialState, parts.metrics().task(), parts.pluginMetrics());
        this.task = task;
        this.parts = parts;
        this.converter = new SourceRecordConverter(parts.converters());
        this.submitted = new SubmittedRecords(parts.time());
        this.flusher = parts.flusherFactory().create(id, submitted, task, loader);
        flusher.observeCommits(parts.metrics().task()::recordCommit);
    }

    @Override
    void removeMetrics() {
        parts.metrics().close();
    }

    SourceOffsetFlusher flusher() {
        return flusher;
    }

    @Override
    protected void initializeAndStart() {
        task.initialize(new WorkerSourceTaskContext(parts.taskConfig(), parts.offsetReader(), pluginMetrics()));
        task.start(parts.taskConfig());
    }

    @Override
    protected void execute() throws Exception {
        try (UnacknowledgedRecordBudget.Share share = parts.unacknowledged().join()) {
            produce(share);
        }
    }

    private void produce(UnacknowledgedRecordBudget.Share share) throws Exception {
        while (!isStopping()) {
            if (isPaused()) {
                share.producing(false);
                awaitUnpaused();
                share.producing(true);
                continue;
            }
            rethrowProducerFailure();
            parts.metrics().recordWrites();
            int limit = share.limit();
            if (submitted.unacknowledged() >= limit) {
                // Bounded so that a stop, pause or producer failure is noticed promptly.
                submitted.awaitAtMost(limit / 2, 100, TimeUnit.MILLISECONDS);
                continue;
            }
            if (unsent.isEmpty()) {
                List<SourceRecord> polled = poll();
                unsent = polled == null ? List.of() : polled;
            }
            if (unsent.isEmpty() || isCancelled()) {
                continue;
            }
            try {
                Sent sent = send();
                parts.metrics().recordActive(submitted.unacknowledged());
                if (sent == Sent.RETRIABLE_REFUSAL) {
                    Thread.sleep(SEND_RETRY_BACKOFF_MS);
                } else if (sent == Sent.NO_ROOM) {
                    parts.producer().awaitRoom(ROOM_WAIT_MS);
                }
            } catch (TaskStoppingException e) {
                log.info("{} stopped while retrying a record; it is sent again after a restart", id);
                return;
            }
        }
        rethrowProducerFailure();
    }

    private List<SourceRecord> poll() throws InterruptedException {
        long started = parts.time().milliseconds();
        try {
            List<SourceRecord> polled = task.poll();
            if (polled != null) {
                parts.metrics().recordPoll(polled.size(), parts.time().milliseconds() - started);
            }
            return polled;
        } catch (RetriableException e) {
            log.warn("{} failed to poll with a retriable error; polling again", id, e);
            return null;
        }
    }

    /**
     * Hands the unsent records to the producer. Records dropped by a transformation or skipped after a
     * tolerated failure count as done.
     *
     * @return whether all went; when the producer refused a record with a retriable error, or the task's share of
     *         a shared producer is in flight, that record and those after it stay unsent
     */
    private Sent send() {
        for (int i = 0; i < unsent.size(); i++) {
            SourceRecord record = unsent.get(i);
            // A record that waited for room was transformed already: transformations see each record once.
            ProducerRecord<byte[], byte[]> producerRecord = i == 0 && convertedHead != null ? convertedHead
                    : transformAndConvert(record);
            convertedHead = null;
            SubmittedRecords.Submitted tracked = submitted.submit(record.sourcePartition(), record.sourceOffset());
            if (producerRecord == null) {
                tracked.ack();
                commitRecord(record, null);
                continue;
            }
            try {
                parts.topicCreator().ensure(producerRecord.topic());
                boolean handedOver = parts.producer().trySend(producerRecord, (metadata, error) -> {
                    if (error != null) {
                        sendFailed(record, producerRecord, tracked, error);
                    } else {
                        parts.topics().record(producerRecord.topic());
                        parts.metrics().acknowledged();
                        tracked.ack();
                        commitRecord(record, metadata);
                    }
                });
                if (!handedOver) {
                    tracked.drop();
                    unsent = unsent.subList(i, unsent.size());
                    convertedHead = producerRecord;
                    return Sent.NO_ROOM;
                }
            } catch (org.apache.kafka.common.errors.RetriableException | RetriableException e) {
                log.warn("{} could not hand a record for topic {} to the producer; retrying in {} ms: {}", id,
                        producerRecord.topic(), SEND_RETRY_BACKOFF_MS, e.toString());
                tracked.drop();
                unsent = unsent.subList(i, unsent.size());
                return Sent.RETRIABLE_REFUSAL;
            } catch (KafkaException e) {
                if (isStopping()) {
                    // The producer was closed (or the thread interrupted) under a send blocked on the broker; the
                    // record's offset is not committed.
                    log.info("{} stopped while handing a record to the producer; it is sent again after a restart", id);
                    tracked.drop();
                    unsent = List.of();
                    return Sent.ALL;
                }
                throw e instanceof ConnectException connectError ? connectError
                        : new ConnectException("Unrecoverable exception trying to send a record to topic "
                                + producerRecord.topic(), e);
            }
        }
        unsent = List.of();
        return Sent.ALL;
    }

    /** On a producer thread: the producer gave up on a record (its own retries, within delivery.timeout.ms, ran out). */
    private void sendFailed(SourceRecord record, ProducerRecord<byte[], byte[]> producerRecord,
                            SubmittedRecords.Submitted tracked, Exception error) {
        if (isStopping()) {
            // Closing the producer fails what it still holds; those offsets stay uncommitted, so nothing is lost.
            log.debug("{} stopped before the broker acknowledged a record for topic {}; it is sent again after a "
                    + "restart", id, producerRecord.topic(), error);
            return;
        }
        if (parts.errors().settings().tolerateAll()) {
            log.warn("{} could not send a record to topic {}; skipping it (errors.tolerance=all): {}", id,
                    producerRecord.topic(), error.toString());
            parts.errors().reportFailed(ProcessingContext.polled(record), Stage.KAFKA_PRODUCE, getClass(), error);
            tracked.ack();
            commitRecord(record, null);
            return;
        }
        log.error("{} could not send a record to topic {}; the task fails so that no record is lost", id,
                producerRecord.topic(), error);
        producerFailure.compareAndSet(null, error);
    }

    /** The bytes to send, or null when the record is dropped or skipped. */
    private ProducerRecord<byte[], byte[]> transformAndConvert(SourceRecord record) {
        ProcessingContext context = ProcessingContext.polled(record);
        try {
            SourceRecord transformed = parts.transformations().apply(record, parts.errors(), context);
            return transformed == null ? null : converter.convert(transformed, parts.errors(), context);
        } catch (RecordSkippedException e) {
            return null;
        }
    }

    @Override
    protected void onStopRequested() {
        parts.errors().stop();
    }

    /**
     * The task thread may be stuck in the producer (waiting for metadata or buffer space while the broker is
     * away). A producer of its own is closed without waiting, which frees the thread; a shared one must stay open
     * for the other tasks, so the lease is given back and the thread interrupted, which ends a blocked send too.
     * Neither blocks the caller.
     */
    @Override
    protected void onCancelled() {
        parts.producer().abandon();
        if (parts.producer().shared()) {
            interruptThread();
        }
    }

    private void commitRecord(SourceRecord record, RecordMetadata metadata) {
        try {
            task.commitRecord(record, metadata);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            log.error("{} threw from commitRecord(); continuing", id, t);
        }
    }

    private void rethrowProducerFailure() {
        Throwable failure = producerFailure.get();
        if (failure != null) {
            throw new ConnectException("Unrecoverable exception from producer send callback", failure);
        }
    }

    @Override
    protected void close() {
        try {
            if (!isCancelled()) {
                commitFinalOffsets();
            }
        } finally {
            Utils.closeQuietly(task::stop, "source task " + id);
            parts.producer().release(Duration.ofMillis(isCancelled() ? 0 : parts.offsetFlushTimeoutMs()));
            Utils.closeQuietly(parts.transformations(), "transformations of " + id);
            Utils.closeQuietly(parts.converters(), "converters of " + id);
            Utils.closeQuietly(parts.errors(), "error handling of " + id);
            Utils.closeQuietly(parts.topicCreator(), "topic creation of " + id);
            Utils.closeQuietly(parts.offsetStore(), "offset store of " + id);
        }
    }

    /** Waits (bounded) for records in flight, then commits every acknowledged offset. */
    private void commitFinalOffsets() {
        try {
            // After a failed send some record will never be acknowledged: waiting for all would only delay.
            boolean allAcked = producerFailure.get() == null
                    && submitted.awaitAllAcked(parts.offsetFlushTimeoutMs(), TimeUnit.MILLISECONDS);
            if (!allAcked) {
                log.warn("{} stops with {} records not yet acknowledged; their offsets are not committed and they "
                        + "will be sent again on restart", id, submitted.unacknowledged());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flusher.flush();
        parts.metrics().recordWrites();
    }

    @Override
    protected String version() {
        return task.version();
    }
}
