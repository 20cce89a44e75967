package io.tributary.connect.worker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.tributary.connect.errors.ErrorHandler;
import io.tributary.connect.errors.ProcessingContext;
import io.tributary.connect.errors.RecordSkippedException;
import io.tributary.connect.errors.TaskStoppingException;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.TargetState;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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
 * committable only once the broker acknowledged the record and every earlier one of its partition;
 * a failed send fails the task rather than losing the record.
 */
final class WorkerSourceTask extends WorkerTask {

    private static final Logger log = LoggerFactory.getLogger(WorkerSourceTask.class);

    /**
     * Records the task may have in the producer before it stops polling. The producer's buffer counts
     * compressed bytes, so with compression it alone would let hundreds of thousands of records (with their
     * callbacks and offsets) wait for the broker, long enough for the collector to promote them all. A few
     * thousand already fill every request in flight.
     */
    static final int MAX_UNACKNOWLEDGED_RECORDS = 10_000;

    /** What the task needs besides the plugin itself. */
    record Parts(Map<String, String> taskConfig, TransformationChain<SourceRecord> transformations,
                 Converters converters, Producer<byte[], byte[]> producer, OffsetStorageReader offsetReader,
                 SourceOffsetFlusher.Factory flusherFactory, long offsetFlushTimeoutMs, TopicRecorder topics,
                 ErrorHandler errors, TopicCreator topicCreator) {
    }

    private final SourceTask task;
    private final Parts parts;
    private final SourceRecordConverter converter;
    private final SubmittedRecords submitted = new SubmittedRecords();
    private final SourceOffsetFlusher flusher;
    private final AtomicReference<Throwable> producerFailure = new AtomicReference<>();

    WorkerSourceTask(ConnectorTaskId id, SourceTask task, Parts parts, StatusReporter status, ClassLoader loader,
                     TargetState initialState) {
        super(id, status, loader, initialState);
        this.task = task;
        this.parts = parts;
        this.converter = new SourceRecordConverter(parts.converters());
        this.flusher = parts.flusherFactory().create(id, submitted, task, loader);
    }

    SourceOffsetFlusher flusher() {
        return flusher;
    }

    @Override
    protected void initializeAndStart() {
        task.initialize(new WorkerSourceTaskContext(parts.taskConfig(), parts.offsetReader()));
        task.start(parts.taskConfig());
    }

    @Override
    protected void execute() throws Exception {
        while (!isStopping()) {
            if (isPaused()) {
                awaitUnpaused();
                continue;
            }
            rethrowProducerFailure();
            if (submitted.unacknowledged() >= MAX_UNACKNOWLEDGED_RECORDS) {
                // Bounded so that a stop, pause or producer failure is noticed promptly.
                submitted.awaitAtMost(MAX_UNACKNOWLEDGED_RECORDS / 2, 100, TimeUnit.MILLISECONDS);
                continue;
            }
            List<SourceRecord> records = poll();
            if (records != null && !records.isEmpty() && !isCancelled()) {
                try {
                    send(records);
                } catch (TaskStoppingException e) {
                    log.info("{} stopped while retrying a record; it is sent again after a restart", id);
                    return;
                }
            }
        }
        rethrowProducerFailure();
    }

    private List<SourceRecord> poll() throws InterruptedException {
        try {
            return task.poll();
        } catch (RetriableException e) {
            log.warn("{} failed to poll with a retriable error; polling again", id, e);
            return null;
        }
    }

    /** Records dropped by a transformation or skipped after a tolerated failure count as done. */
    private void send(List<SourceRecord> records) {
        for (SourceRecord record : records) {
            ProducerRecord<byte[], byte[]> producerRecord = transformAndConvert(record);
            SubmittedRecords.Submitted tracked = submitted.submit(record.sourcePartition(), record.sourceOffset());
            if (producerRecord == null) {
                tracked.ack();
                commitRecord(record, null);
                continue;
            }
            parts.topicCreator().ensure(producerRecord.topic());
            parts.producer().send(producerRecord, (metadata, error) -> {
                if (error != null) {
                    log.error("{} could not send a record to topic {}; the task fails so that no record is lost",
                            id, producerRecord.topic(), error);
                    producerFailure.compareAndSet(null, error);
                } else {
                    parts.topics().record(producerRecord.topic());
                    tracked.ack();
                    commitRecord(record, metadata);
                }
            });
        }
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
            parts.producer().close(Duration.ofMillis(isCancelled() ? 0 : parts.offsetFlushTimeoutMs()));
            Utils.closeQuietly(parts.transformations(), "transformations of " + id);
            Utils.closeQuietly(parts.converters(), "converters of " + id);
            Utils.closeQuietly(parts.errors(), "error handling of " + id);
            Utils.closeQuietly(parts.topicCreator(), "topic creation of " + id);
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
    }

    @Override
    protected String version() {
        return task.version();
    }
}
