package io.tributary.connect.worker;

import java.util.Map;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.source.TransactionContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * What a source task may ask of the worker: its configuration, its stored offsets, its plugin metrics and, only for
 * an exactly-once task with {@code transaction.boundary=connector}, its transaction context.
 */
final class WorkerSourceTaskContext implements SourceTaskContext {

    private final Map<String, String> configs;
    private final OffsetStorageReader offsets;
    private final PluginMetrics pluginMetrics;
    private final TransactionContext transactions;

    WorkerSourceTaskContext(Map<String, String> configs, OffsetStorageReader offsets, PluginMetrics pluginMetrics) {
        this(configs, offsets, pluginMetrics, null);
    }

    /** @param transactions the task's transaction context, or null when the task does not define boundaries */
    WorkerSourceTaskContext(Map<String, String> configs, OffsetStorageReader offsets, PluginMetrics pluginMetrics,
                            TransactionContext transactions) {
        this.configs = Map.copyOf(configs);
        this.offsets = offsets;
        this.pluginMetrics = pluginMetrics;
        this.transactions = transactions;
    }

    @Override
    public TransactionContext transactionContext() {
        return transactions;
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return offsets;
    }

    /** Metrics the task registers here are tagged with its connector and task number (KIP-877). */
    @Override
    public PluginMetrics pluginMetrics() {
        return pluginMetrics;
    }
}
