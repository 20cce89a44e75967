package io.tributary.connect.worker;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.IllegalWorkerStateException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * What a sink task may ask of the worker: seek, back off, pause and resume partitions, and request a
 * commit. Called on the task thread (from put, open, close), which owns the consumer.
 */
final class WorkerSinkTaskContext implements SinkTaskContext {

    private final Map<String, String> configs;
    private final Consumer<byte[], byte[]> consumer;
    private final BooleanSupplier allPausedByWorker;
    private final ErrantRecordReporter errantRecordReporter;
    private final PluginMetrics pluginMetrics;
    private final Map<TopicPartition, Long> requestedOffsets = new HashMap<>();
    private final Set<TopicPartition> pausedByTask = new HashSet<>();
    private final Set<TopicPartition> assignment = new HashSet<>();
    private long timeoutMs = -1L;
    private boolean commitRequested;

    WorkerSinkTaskContext(Map<String, String> configs, Consumer<byte[], byte[]> consumer,
                          BooleanSupplier allPausedByWorker, ErrantRecordReporter errantRecordReporter,
                          PluginMetrics pluginMetrics) {
        this.configs = Map.copyOf(configs);
        this.consumer = consumer;
        this.allPausedByWorker = allPausedByWorker;
        this.errantRecordReporter = errantRecordReporter;
        this.pluginMetrics = pluginMetrics;
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public synchronized void offset(Map<TopicPartition, Long> offsets) {
        requestedOffsets.putAll(offsets);
    }

    @Override
    public void offset(TopicPartition partition, long offset) {
        offset(Map.of(partition, offset));
    }

    @Override
    public synchronized void timeout(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    @Override
    public synchronized Set<TopicPartition> assignment() {
        return Set.copyOf(assignment);
    }

    @Override
    public void pause(TopicPartition... partitions) {
        Set<TopicPartition> requested = Set.of(partitions);
        synchronized (this) {
            if (!assignment.containsAll(requested)) {
                throw new IllegalWorkerStateException("SinkTasks may not pause partitions that are not currently "
                        + "assigned to them.");
            }
            pausedByTask.addAll(requested);
        }
        consumer.pause(requested);
    }

    @Override
    public void resume(TopicPartition... partitions) {
        Set<TopicPartition> requested = Set.of(partitions);
        synchronized (this) {
            if (!assignment.containsAll(requested)) {
                throw new IllegalWorkerStateException("SinkTasks may not resume partitions that are not currently "
                        + "assigned to them.");
            }
            pausedByTask.removeAll(requested);
        }
        // While the worker holds every partition (paused connector, retry back-off) it resumes them itself later.
        if (!allPausedByWorker.getAsBoolean()) {
            consumer.resume(Arrays.asList(partitions));
        }
    }

    @Override
    public synchronized void requestCommit() {
        commitRequested = true;
    }

    /** Null unless the connector has a dead letter queue or error logging, as in Kafka Connect. */
    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return errantRecordReporter;
    }

    /** Metrics the task registers here are tagged with its connector and task number (KIP-877). */
    @Override
    public PluginMetrics pluginMetrics() {
        return pluginMetrics;
    }

    synchronized Map<TopicPartition, Long> takeRequestedOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>(requestedOffsets);
        requestedOffsets.clear();
        return offsets;
    }

    /** The back-off the task asked for after a retriable failure, or -1 when it asked for none. */
    synchronized long timeoutMs() {
        return timeoutMs;
    }

    synchronized boolean takeCommitRequest() {
        boolean requested = commitRequested;
        commitRequested = false;
        return requested;
    }

    synchronized Set<TopicPartition> pausedByTask() {
        return Set.copyOf(pausedByTask);
    }

    synchronized void assigned(java.util.Collection<TopicPartition> partitions) {
        assignment.addAll(partitions);
    }

    synchronized void revoked(java.util.Collection<TopicPartition> partitions) {
        assignment.removeAll(partitions);
        pausedByTask.removeAll(partitions);
        partitions.forEach(requestedOffsets::remove);
    }
}
