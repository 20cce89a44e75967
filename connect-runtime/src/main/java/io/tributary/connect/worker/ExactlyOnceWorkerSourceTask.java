package io.tributary.connect.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.tributary.connect.errors.ErrorHandler;
import io.tributary.connect.errors.ProcessingContext;
import io.tributary.connect.errors.RecordSkippedException;
import io.tributary.connect.errors.TaskStoppingException;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.status.TopicRecorder;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.SourceTask.TransactionBoundary;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a source task exactly once (KIP-618): its records and their source offsets are written by one transactional
 * producer, whose id is the task's, and commit in one transaction, where {@code transaction.boundary} puts the end of
 * each. Before the producer is initialized the herder makes sure the previous generation of the connector's tasks is
 * fenced out; after, that this task is still current. A send or commit that fails, among others because a newer
 * instance of the task fenced this one, fails the task: it must not write anything more.
 */
final class ExactlyOnceWorkerSourceTask extends WorkerTask {

    private static final Logger log = LoggerFactory.getLogger(ExactlyOnceWorkerSourceTask.class);

    /** What the task needs besides the plugin itself. */
    record Parts(Map<String, String> taskConfig, TransformationChain<SourceRecord> transformations,
                 Converters converters, Producer<byte[], byte[]> producer, OffsetStorageReader offsetReader,
                 TransactionalOffsets offsets, TransactionBoundary boundary, long boundaryIntervalMs,
                 ExactlyOncePreflight preflight, long closeTimeoutMs, TopicRecorder topics, ErrorHandler errors,
                 TopicCreator topicCreator, PluginMetricsImpl pluginMetrics, Time time, SourceTaskMetrics metrics,
                 AutoCloseable offsetStores) {
    }

    /** The producer failed under a task asked to stop (closed under it): nothing more is written or committed. */
    private static final class StoppedWhileWriting extends RuntimeException {
        StoppedWhileWriting(Throwable cause) {
            super(cause);
        }
    }

    /** A record handed to the producer in the open transaction; the metadata arrives with the broker's answer. */
    private static final class Sent {
        private final SourceRecord record;
        private volatile RecordMetadata metadata;

        private Sent(SourceRecord record) {
            this.record = record;
        }
    }

    private final SourceTask task;
    private final Parts parts;
    private final SourceRecordConverter converter;
    private final WorkerTransactionContext transactionContext;
    private final TransactionBoundaryManager boundaries;
    /**
     * With a transaction per poll, a transaction commits while the task polls and converts its next batch; with the
     * other boundaries the task commits where it stands, since its next records may belong to the same transaction.
     */
    private final boolean commitsInBackground;
    private final TransactionCommitter committer;
    /** The first send of the open transaction the producer failed; the transaction can then only abort. */
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    // Task thread only from here on.
    private final List<Sent> inTransaction = new ArrayList<>();
    private boolean transactionOpen;
    /** Records handed to the producer in the open transaction, for the transaction-size metrics. */
    private int recordsInTransaction;
    private boolean taskInitialized;
    /** Polled records not yet handed to the producer (it refused one with a retriable error). */
    private List<SourceRecord> unsent = List.of();
    /** What {@link #unsent} converted to, index for index (null: dropped or skipped); null until converted. */
    private List<ProducerRecord<byte[], byte[]>> unsentConverted;
    /** The transaction committing in the background, with what the task learns once it committed. */
    private PendingCommit pendingCommit;

    private record PendingCommit(Map<Map<String, Object>, Map<String, Object>> offsets, List<Sent> records,
                                 int size, long startedMs) {
    }

    ExactlyOnceWorkerSourceTask(ConnectorTaskId id, SourceTask task, Parts parts, StatusReporter status,
                                ClassLoader loader, TargetState initialState) {
        super(id, status, loader, initialState, parts.metrics().task(), parts.pluginMetrics());
        this.task = task;
        this.parts = parts;
        this.converter = new SourceRecordConverter(parts.converters());
        this.transactionContext = parts.boundary() == TransactionBoundary.CONNECTOR
                ? new WorkerTransactionContext() : null;
        this.boundaries = TransactionBoundaryManager.of(parts.boundary(), parts.boundaryIntervalMs(),
                transactionContext);
        this.commitsInBackground = parts.boundary() == TransactionBoundary.POLL;
        this.committer = new TransactionCommitter(id, parts.producer(), parts.time());
    }

    @Override
    void removeMetrics() {
        parts.metrics().close();
    }

    /**
     * Fencing first, then the producer claims the task's transactional id (which aborts whatever an earlier instance
     * left open, so the offsets the task reads next are final), then the check that nothing newer started meanwhile.
     */
    @Override
    protected void initializeAndStart() {
        parts.preflight().beforeProducer();
        if (isStopping()) {
            return;
        }
        parts.producer().initTransactions();
        parts.preflight().afterProducer();
        taskInitialized = true;
        task.initialize(new WorkerSourceTaskContext(parts.taskConfig(), parts.offsetReader(), pluginMetrics(),
                transactionContext));
        task.start(parts.taskConfig());
    }

    @Override
    protected void execute() throws Exception {
        boundaries.started(parts.time().milliseconds());
        while (!isStopping()) {
            if (isPaused()) {
                endTransactionBeforeStop();
                awaitUnpaused();
                boundaries.started(parts.time().milliseconds());
                continue;
            }
            parts.metrics().recordWrites();
            if (unsent.isEmpty()) {
                List<SourceRecord> polled = poll();
                unsent = polled == null ? List.of() : polled;
            }
            if (isCancelled()) {
                continue;
            }
            if (!unsent.isEmpty()) {
                try {
                    if (!send()) {
                        Thread.sleep(WorkerSourceTask.SEND_RETRY_BACKOFF_MS);
                        continue;
                    }
                } catch (TaskStoppingException | StoppedWhileWriting e) {
                    log.info("{} stopped while writing; what its open transaction held is sent again after a "
                            + "restart", id);
                    return;
                }
            }
            try {
                apply(boundaries.afterBatch(parts.time().milliseconds()));
            } catch (StoppedWhileWriting e) {
                log.info("{} stopped while committing; what its open transaction held is sent again after a "
                        + "restart", id);
                return;
            }
        }
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
     * Hands the unsent records to the producer within the open transaction, ending it wherever the boundary says.
     *
     * @return false when the producer refused a record with a retriable error; it and those after it stay unsent
     */
    private boolean send() {
        if (unsentConverted == null) {
            // All of the batch first: this overlaps with the previous transaction's commit.
            List<ProducerRecord<byte[], byte[]>> converted = new ArrayList<>(unsent.size());
            for (SourceRecord record : unsent) {
                converted.add(transformAndConvert(record));
            }
            unsentConverted = converted;
        }
        awaitPendingCommit();
        for (int i = 0; i < unsent.size(); i++) {
            SourceRecord record = unsent.get(i);
            ProducerRecord<byte[], byte[]> producerRecord = unsentConverted.get(i);
            if (producerRecord == null) {
                // Dropped or skipped: nothing to write, but its offset counts (Kafka Connect commits it too).
                inTransaction.add(new Sent(record));
            } else if (!dispatch(producerRecord, record)) {
                unsent = unsent.subList(i, unsent.size());
                unsentConverted = unsentConverted.subList(i, unsentConverted.size());
                return false;
            }
            parts.offsets().record(record.sourcePartition(), record.sourceOffset());
            apply(boundaries.afterRecord(record));
        }
        unsent = List.of();
        unsentConverted = null;
        return true;
    }

    /** @return false when the producer refused the record with a retriable error */
    private boolean dispatch(ProducerRecord<byte[], byte[]> producerRecord, SourceRecord record) {
        if (producerRecord.topic().equals(parts.offsets().topic())) {
            throw new ConnectException("Source tasks may not produce to their own offsets topics when exactly-once "
                    + "support is enabled");
        }
        try {
            parts.topicCreator().ensure(producerRecord.topic());
            beginTransactionIfNeeded();
            Sent sent = new Sent(record);
            parts.producer().send(producerRecord, (metadata, error) -> {
                if (error != null) {
                    if (sendFailure.compareAndSet(null, error) && !isStopping()) {
                        log.error("{} could not send a record to topic {}; its transaction will not commit", id,
                                producerRecord.topic(), error);
                    }
                } else {
                    sent.metadata = metadata;
                    parts.topics().record(producerRecord.topic());
                    parts.metrics().acknowledged();
                }
            });
            inTransaction.add(sent);
            recordsInTransaction++;
            return true;
        } catch (org.apache.kafka.common.errors.RetriableException | RetriableException e) {
            log.warn("{} could not hand a record for topic {} to the producer; retrying in {} ms: {}", id,
                    producerRecord.topic(), WorkerSourceTask.SEND_RETRY_BACKOFF_MS, e.toString());
            return false;
        } catch (KafkaException e) {
            if (isStopping()) {
                throw new StoppedWhileWriting(e);
            }
            throw failure("Unrecoverable exception trying to send", e);
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

    private void beginTransactionIfNeeded() {
        awaitPendingCommit();
        if (!transactionOpen) {
            parts.producer().beginTransaction();
            transactionOpen = true;
        }
    }

    private void apply(TransactionBoundaryManager.Decision decision) {
        switch (decision) {
            case COMMIT -> commit();
            case ABORT -> {
                abort();
                commit();
            }
            case CONTINUE -> { }
        }
    }

    /** On pause or stop, where the boundary lets the open transaction end. */
    private void endTransactionBeforeStop() {
        awaitPendingCommit();
        apply(boundaries.beforeStop(parts.time().milliseconds()));
    }

    /** The records of the open transaction are discarded; their offsets stay to be committed. */
    private void abort() {
        awaitPendingCommit();
        if (!transactionOpen) {
            log.warn("Ignoring request by task to abort transaction as the current transaction is empty");
            return;
        }
        parts.producer().abortTransaction();
        transactionOpen = false;
        inTransaction.clear();
        recordsInTransaction = 0;
        sendFailure.set(null);
    }

    /**
     * Writes the offsets gathered since the last commit into the open transaction and commits it, then tells the
     * task which records made it. Anything that fails here fails the task.
     */
    private void commit() {
        awaitPendingCommit();
        long started = parts.time().milliseconds();
        if (!transactionOpen && parts.offsets().isEmpty()) {
            parts.metrics().task().recordCommit(parts.time().milliseconds() - started, true);
            commitRecords(inTransaction);
            commitTask();
            return;
        }
        Map<Map<String, Object>, Map<String, Object>> offsets;
        try {
            beginTransactionIfNeeded();
            offsets = parts.offsets().sendInTransaction(parts.producer());
            Exception failedSend = sendFailure.get();
            if (failedSend != null) {
                throw failedSend instanceof KafkaException kafka ? kafka : new KafkaException(failedSend);
            }
            PendingCommit commit = new PendingCommit(offsets, new ArrayList<>(inTransaction), recordsInTransaction,
                    started);
            inTransaction.clear();
            recordsInTransaction = 0;
            // From here the producer's transaction belongs to the committer until awaited.
            transactionOpen = false;
            pendingCommit = commit;
            committer.commitInBackground();
        } catch (RuntimeException e) {
            throw commitFailed(started, e);
        }
        if (!commitsInBackground) {
            awaitPendingCommit();
        }
    }

    /**
     * Waits for the transaction committing in the background, then tells the task which records made it and
     * copies the offsets. Anything that failed fails the task.
     */
    private void awaitPendingCommit() {
        PendingCommit commit = pendingCommit;
        if (commit == null) {
            return;
        }
        pendingCommit = null;
        long endedMs;
        try {
            endedMs = committer.await();
        } catch (RuntimeException e) {
            throw commitFailed(commit.startedMs(), e);
        }
        parts.metrics().recordTransactionSize(commit.size());
        parts.metrics().task().recordCommit(endedMs - commit.startedMs(), true);
        log.debug("{} committed a transaction of {} record(s) and the offsets of {} source partition(s)", id,
                commit.records().size(), commit.offsets().size());
        commitRecords(commit.records());
        parts.offsets().committed(commit.offsets());
        commitTask();
    }

    private RuntimeException commitFailed(long startedMs, RuntimeException e) {
        parts.metrics().task().recordCommit(parts.time().milliseconds() - startedMs, false);
        if (isStopping() && isCancelled()) {
            return new StoppedWhileWriting(e);
        }
        return failure("Failed to flush offsets and/or records for task " + id, e);
    }

    /** Tells the task about the records its committed transaction held (and those dropped on the way). */
    private void commitRecords(List<Sent> records) {
        for (Sent sent : records) {
            commitRecord(sent.record, sent.metadata);
        }
        records.clear();
    }

    /**
     * The task's failure. A producer fenced out means a newer instance of this task runs (or the leader fenced this
     * generation): this one is a zombie and stops for good. An epoch error is the transaction timing out, or a send
     * that reached the broker after a newer instance fenced this one.
     */
    private ConnectException failure(String message, Throwable error) {
        if (error instanceof ConnectException connect) {
            return connect;
        }
        if (error instanceof ProducerFencedException || error.getCause() instanceof ProducerFencedException) {
            log.error("{} was fenced out: a newer generation of the tasks of connector {} has started or is starting, "
                    + "so this instance stops without writing anything more", id, id.connector());
            return new ConnectException(message, error);
        }
        if (error instanceof InvalidProducerEpochException || error.getCause() instanceof InvalidProducerEpochException) {
            return new ConnectException("The task " + id + " was unable to finish writing records to Kafka before its "
                    + "producer transaction expired. It may be necessary to reconfigure this connector in order for it "
                    + "to run healthily with exactly-once support. Options for this include: tune the connector's "
                    + "producer configuration for higher throughput, increase the transaction timeout for the "
                    + "connector's producers, decrease the offset commit interval (if using interval-based transaction "
                    + "boundaries), or use the 'poll' transaction boundary (if the connector is not already configured "
                    + "to use it). If another instance of this task started meanwhile (after a rebalance or a restart), "
                    + "it fenced this one out, and this failure is expected.", error);
        }
        return new ConnectException(message, error);
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

    private void commitTask() {
        try {
            task.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            log.error("{} threw from commit() after its transaction committed", id, t);
        }
    }

    @Override
    protected void onStopRequested() {
        parts.errors().stop();
    }

    /** Frees a task thread blocked in the producer (broker away), on another thread so the herder never waits. */
    @Override
    protected void onCancelled() {
        Thread closer = new Thread(() -> Utils.closeQuietly(() -> parts.producer().close(Duration.ZERO),
                "producer of cancelled task " + id), "producer-closer-" + id);
        closer.setDaemon(true);
        closer.start();
    }

    @Override
    protected void close() {
        try {
            if (!isCancelled()) {
                // A failure after a batch went to the committer leaves that transaction to finish and be reported.
                awaitPendingCommit();
            }
            if (!isCancelled() && !hasFailed() && taskInitialized) {
                endTransactionBeforeStop();
            }
        } catch (Throwable t) {
            log.error("{} could not commit its last transaction; its records will be sent again after a restart", id, t);
        } finally {
            pendingCommit = null;
            committer.close();
            abortOpenTransaction();
            if (taskInitialized) {
                Utils.closeQuietly(task::stop, "source task " + id);
            }
            Utils.closeQuietly(() -> parts.producer().close(Duration.ofMillis(isCancelled() ? 0
                    : parts.closeTimeoutMs())), "transactional producer of " + id);
            Utils.closeQuietly(parts.offsetStores(), "offset stores of " + id);
            Utils.closeQuietly(parts.transformations(), "transformations of " + id);
            Utils.closeQuietly(parts.converters(), "converters of " + id);
            Utils.closeQuietly(parts.errors(), "error handling of " + id);
            Utils.closeQuietly(parts.topicCreator(), "topic creation of " + id);
        }
    }

    /**
     * A transaction left open (the task failed, or its boundary did not end it) is aborted now, so that consumers
     * reading committed records need not wait for it to time out. A fenced producer cannot; its successor's
     * initialization aborts it.
     */
    private void abortOpenTransaction() {
        if (!transactionOpen || isCancelled()) {
            return;
        }
        try {
            parts.producer().abortTransaction();
        } catch (RuntimeException e) {
            log.debug("{} could not abort its open transaction; it is aborted when the task starts again", id, e);
        }
        transactionOpen = false;
    }

    @Override
    protected String version() {
        return task.version();
    }
}
