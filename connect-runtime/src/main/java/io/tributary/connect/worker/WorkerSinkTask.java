package io.tributary.connect.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.tributary.connect.config.SinkConnectorConfig;
import io.tributary.connect.errors.ErrorHandler;
import io.tributary.connect.errors.ProcessingContext;
import io.tributary.connect.errors.RecordSkippedException;
import io.tributary.connect.errors.TaskStoppingException;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.status.TopicRecorder;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sink task: consume, convert, transform, put. Every {@code offset.flush.interval.ms} (or when
 * the task asks) the task's preCommit/flush runs and only then are the offsets it returns committed to
 * the consumer group, so a crash can only cause redelivery, never loss.
 */
final class WorkerSinkTask extends WorkerTask {

    private static final Logger log = LoggerFactory.getLogger(WorkerSinkTask.class);
    /** Long enough to leave the consumer group once a commit at close reached the coordinator. */
    private static final Duration CONSUMER_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** What the task needs besides the plugin itself. */
    record Parts(Map<String, String> taskConfig, TransformationChain<SinkRecord> transformations,
                 Converters converters, Consumer<byte[], byte[]> consumer, long commitIntervalMs,
                 TopicRecorder topics, ErrorHandler errors,
                 WorkerErrantRecordReporter errantRecords, PluginMetricsImpl pluginMetrics, Time time,
                 SinkTaskMetrics metrics) {
    }

    private final SinkTask task;
    private final Parts parts;
    private final Consumer<byte[], byte[]> consumer;
    private final SinkRecordConverter converter;
    private final WorkerSinkTaskContext context;
    private final Map<TopicPartition, OffsetAndMetadata> currentOffsets = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> lastCommitted = new HashMap<>();
    /** The offset after the last record read, per partition; for the count of records not yet committed. */
    private final Map<TopicPartition, OffsetAndMetadata> consumedOffsets = new HashMap<>();
    private List<SinkRecord> retryBatch;
    private Map<TopicPartition, OffsetAndMetadata> retryOffsets;
    private long retryAt;
    private boolean holdingAll;

    WorkerSinkTask(ConnectorTaskId id, SinkTask task, Parts parts, StatusReporter status, ClassLoader loader,
                   TargetState initialState) {
        super(id, status, loader, initialState, parts.metrics().task(), parts.pluginMetrics());
        this.task = task;
        this.parts = parts;
        this.consumer = parts.consumer();
        this.converter = new SinkRecordConverter(parts.converters());
        this.context = new WorkerSinkTaskContext(parts.taskConfig(), consumer, () -> holdingAll,
                parts.errantRecords(), pluginMetrics());
    }

    @Override
    void removeMetrics() {
        parts.metrics().close();
    }

    @Override
    protected void initializeAndStart() {
        subscribe();
        task.initialize(context);
        task.start(parts.taskConfig());
    }

    private void subscribe() {
        List<String> topics = SinkConnectorConfig.parseTopicsList(parts.taskConfig());
        RebalanceListener listener = new RebalanceListener();
        if (!topics.isEmpty()) {
            consumer.subscribe(topics, listener);
        } else {
            String regex = parts.taskConfig().get(SinkConnectorConfig.TOPICS_REGEX_CONFIG);
            if (regex == null || regex.isBlank()) {
                throw new ConnectException("Sink task " + id + " has neither 'topics' nor 'topics.regex'");
            }
            consumer.subscribe(Pattern.compile(regex.trim()), listener);
        }
    }

    @Override
    protected void execute() {
        try {
            consumeAndDeliver();
        } catch (TaskStoppingException e) {
            log.info("{} stopped while retrying a record; it is delivered again after a restart", id);
        }
    }

    private void consumeAndDeliver() {
        long nextCommit = parts.time().milliseconds() + parts.commitIntervalMs();
        while (!isStopping()) {
            holdPartitionsIfNeeded();
            long now = parts.time().milliseconds();
            if (now >= nextCommit || context.takeCommitRequest()) {
                commit(false);
                nextCommit = now + parts.commitIntervalMs();
            }
            if (retryBatch != null && !isPaused() && now >= retryAt) {
                deliver(retryBatch, retryOffsets);
                continue;
            }
            long wait = nextCommit - now;
            if (retryBatch != null) {
                wait = Math.min(wait, retryAt - now);
            }
            ConsumerRecords<byte[], byte[]> records;
            try {
                records = consumer.poll(Duration.ofMillis(Math.max(0, wait)));
            } catch (WakeupException e) {
                continue;
            }
            applyRequestedOffsets();
            if (retryBatch == null && !isStopping() && !isPaused()) {
                parts.metrics().recordRead(records.count());
                Map<TopicPartition, OffsetAndMetadata> consumed = offsetsAfter(records);
                consumedOffsets.putAll(consumed);
                deliver(convert(records), consumed);
                recordActive();
            } else {
                redeliverLater(records);
            }
        }
    }

    /**
     * Records fetched while the task must not take them (a pause or back-off that began during the
     * poll, or partitions assigned meanwhile) would be skipped by the consumer's advanced position:
     * seek back so they are fetched again.
     */
    private void redeliverLater(ConsumerRecords<byte[], byte[]> records) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition partition : records.partitions()) {
            if (assigned.contains(partition)) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    /** While paused or backing off, every assigned partition is paused; afterwards only the task's own stay so. */
    private void holdPartitionsIfNeeded() {
        boolean hold = isPaused() || retryBatch != null;
        if (hold) {
            consumer.pause(consumer.assignment());
        } else if (holdingAll) {
            Set<TopicPartition> resume = new HashSet<>(consumer.assignment());
            resume.removeAll(context.pausedByTask());
            consumer.resume(resume);
        }
        holdingAll = hold;
    }

    /** Records dropped by a transformation or skipped after a tolerated failure are not delivered. */
    private List<SinkRecord> convert(ConsumerRecords<byte[], byte[]> records) {
        List<SinkRecord> batch = new ArrayList<>(records.count());
        ErrorHandler errors = parts.errors();
        // Once per partition of the batch rather than per record: each partition here has at least one record.
        for (TopicPartition partition : records.partitions()) {
            parts.topics().record(partition.topic());
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
            ProcessingContext processing = ProcessingContext.consumed(record);
            try {
                SinkRecord converted = converter.convert(record, errors, processing);
                SinkRecord transformed = parts.transformations().apply(converted, errors, processing);
                if (transformed != null) {
                    batch.add(transformed);
                }
            } catch (RecordSkippedException e) {
                // Reported already; its offset is committed with the others.
            }
        }
        return batch;
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsetsAfter(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> ofPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(ofPartition.get(ofPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void deliver(List<SinkRecord> batch, Map<TopicPartition, OffsetAndMetadata> offsets) {
        long started = parts.time().milliseconds();
        try {
            task.put(batch);
            parts.metrics().recordPut(batch.size(), parts.time().milliseconds() - started);
        } catch (RetriableException e) {
            long backoff = Math.max(0, context.timeoutMs());
            log.warn("{} could not take {} records for now; retrying in {} ms", id, batch.size(), backoff, e);
            retryBatch = batch;
            retryOffsets = offsets;
            retryAt = parts.time().milliseconds() + backoff;
            return;
        } catch (RuntimeException e) {
            throw new ConnectException("Exiting WorkerSinkTask due to unrecoverable exception.", e);
        }
        retryBatch = null;
        retryOffsets = null;
        currentOffsets.putAll(offsets);
        applyRequestedOffsets();
    }

    /** Seeks the task asked for through its context; they also become the offsets to commit. */
    private void applyRequestedOffsets() {
        context.takeRequestedOffsets().forEach((partition, offset) -> {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, offset);
                currentOffsets.put(partition, new OffsetAndMetadata(offset));
            }
        });
    }

    /** Flushes through preCommit, then commits what the task answered for partitions still assigned. */
    private void commit(boolean closing) {
        Map<TopicPartition, OffsetAndMetadata> toCommit;
        try {
            // A record the task reported as errant must be in the dead letter queue before its offset is committed.
            if (parts.errantRecords() != null) {
                parts.errantRecords().awaitReports(currentOffsets.keySet());
            }
            toCommit = task.preCommit(new HashMap<>(currentOffsets));
        } catch (Throwable t) {
            log.error("{} failed to flush its records; rewinding to the last committed offsets so that they are "
                    + "delivered again", id, t);
            rewind();
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> changed = new HashMap<>();
        if (toCommit != null) {
            Set<TopicPartition> assigned = consumer.assignment();
            // Closing commits even unchanged offsets: the request finds the group coordinator (waiting for a
            // broker that is away), after which closing the consumer can leave the group.
            toCommit.forEach((partition, offset) -> {
                if (assigned.contains(partition) && offset != null
                        && (closing || !offset.equals(lastCommitted.get(partition)))) {
                    changed.put(partition, offset);
                }
            });
        }
        if (changed.isEmpty()) {
            return;
        }
        long sequence = parts.metrics().nextCommit();
        long started = parts.time().milliseconds();
        if (closing) {
            try {
                // Waits as long as the consumer's default.api.timeout.ms: when the broker is away this outlasts a
                // short outage, so the delivered records are not delivered again and the consumer can still
                // leave its group, which spares its successor a wait for the old member's session to expire.
                consumer.commitSync(changed);
                lastCommitted.putAll(changed);
                commitCompleted(sequence, started, true);
            } catch (RuntimeException e) {
                commitCompleted(sequence, started, false);
                log.error("{} could not commit offsets {}; the records after them will be delivered again", id,
                        changed, e);
            }
        } else {
            consumer.commitAsync(changed, (committed, error) -> {
                commitCompleted(sequence, started, error == null);
                if (error == null) {
                    lastCommitted.putAll(committed);
                    recordActive();
                } else {
                    log.warn("{} could not commit offsets {}; will retry at the next commit", id, committed, error);
                }
            });
        }
    }

    private void commitCompleted(long sequence, long started, boolean succeeded) {
        parts.metrics().recordCommitCompleted(sequence, parts.time().milliseconds() - started, succeeded);
    }

    /** Records read whose offsets are not committed yet, summed over the assigned partitions. */
    private void recordActive() {
        long active = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> consumed : consumedOffsets.entrySet()) {
            OffsetAndMetadata committed = lastCommitted.get(consumed.getKey());
            if (committed != null) {
                active += Math.max(0, consumed.getValue().offset() - committed.offset());
            }
        }
        parts.metrics().recordActive(active);
    }

    private void rewind() {
        retryBatch = null;
        retryOffsets = null;
        for (TopicPartition partition : consumer.assignment()) {
            OffsetAndMetadata committed = lastCommitted.get(partition);
            if (committed != null) {
                consumer.seek(partition, committed.offset());
                currentOffsets.put(partition, committed);
            }
        }
    }

    @Override
    protected void wakeUp() {
        consumer.wakeup();
    }

    @Override
    protected void onStopRequested() {
        parts.errors().stop();
    }

    @Override
    protected void close() {
        try {
            if (hasStarted()) {
                Set<TopicPartition> assigned = context.assignment();
                if (!hasFailed() && !isCancelled()) {
                    commitAtClose();
                }
                Utils.closeQuietly(() -> task.close(assigned), "partitions of sink task " + id);
                Utils.closeQuietly(task::stop, "sink task " + id);
            }
        } finally {
            Utils.closeQuietly(() -> consumer.close(CONSUMER_CLOSE_TIMEOUT), "consumer of " + id);
            Utils.closeQuietly(parts.transformations(), "transformations of " + id);
            Utils.closeQuietly(parts.converters(), "converters of " + id);
            Utils.closeQuietly(parts.errors(), "error handling of " + id);
        }
    }

    /** A wake-up left over from stop() may interrupt the first attempt. */
    private void commitAtClose() {
        try {
            commit(true);
        } catch (WakeupException e) {
            commit(true);
        }
    }

    @Override
    protected String version() {
        return task.version();
    }

    /** Opens and closes partitions on the task as the group assigns them; commits before giving any up. */
    private final class RebalanceListener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            boolean wokenUp = false;
            for (TopicPartition partition : partitions) {
                long position;
                try {
                    position = consumer.position(partition);
                } catch (WakeupException e) {
                    wokenUp = true;
                    position = consumer.position(partition);
                }
                currentOffsets.put(partition, new OffsetAndMetadata(position));
                lastCommitted.put(partition, new OffsetAndMetadata(position));
            }
            context.assigned(partitions);
            parts.metrics().partitionCount(context.assignment().size());
            if (holdingAll) {
                consumer.pause(partitions);
            }
            task.open(partitions);
            applyRequestedOffsets();
            if (wokenUp) {
                consumer.wakeup();
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            if (retryBatch != null) {
                // The batch waiting for redelivery is dropped: consume its partitions again from what was delivered.
                for (TopicPartition partition : retryOffsets.keySet()) {
                    OffsetAndMetadata delivered = currentOffsets.get(partition);
                    if (delivered != null && !partitions.contains(partition)) {
                        consumer.seek(partition, delivered.offset());
                    }
                }
                retryBatch = null;
                retryOffsets = null;
            }
            if (!hasFailed() && !isCancelled()) {
                commit(true);
            }
            task.close(partitions);
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            task.close(partitions);
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            if (parts.errantRecords() != null) {
                parts.errantRecords().forget(partitions);
            }
            partitions.forEach(partition -> {
                currentOffsets.remove(partition);
                lastCommitted.remove(partition);
                consumedOffsets.remove(partition);
            });
            context.revoked(partitions);
            parts.metrics().partitionCount(context.assignment().size());
        }
    }
}
