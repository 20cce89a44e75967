package io.tributary.connect.worker;

import java.util.Map;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** What a source task may ask of the worker: its configuration and its stored offsets. */
final class WorkerSourceTaskContext implements SourceTaskContext {

    private final Map<String, String> configs;
    private final OffsetStorageReader offsets;

    WorkerSourceTaskContext(Map<String, String> configs, OffsetStorageReader offsets) {
        this.configs = Map.copyOf(configs);
        this.offsets = offsets;
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return offsets;
    }

    /** Plugin metrics are not offered yet. */
    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }
}
