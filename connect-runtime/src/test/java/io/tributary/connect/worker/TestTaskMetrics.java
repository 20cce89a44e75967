package io.tributary.connect.worker;

import io.tributary.connect.errors.ErrorMetrics;
import io.tributary.connect.model.ConnectorTaskId;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;

/** Task metrics on a registry of their own, for tests that run a task without a worker. */
final class TestTaskMetrics {

    static final TaskMetrics.PluginInfo PLUGINS = new TaskMetrics.PluginInfo("TestConnector", "1.0", "source",
            "TestTask", "1.0", "KeyConverter", "1.0", "ValueConverter", "1.0", "HeaderConverter", "1.0",
            java.util.List.of(), java.util.List.of());

    private TestTaskMetrics() {
    }

    static SourceTaskMetrics source(Metrics registry, ConnectorTaskId id, Time time) {
        return new SourceTaskMetrics(registry, id, new TaskMetrics(registry, id, PLUGINS, time),
                new ErrorMetrics(registry, id, time));
    }

    static SinkTaskMetrics sink(Metrics registry, ConnectorTaskId id, Time time) {
        return new SinkTaskMetrics(registry, id, new TaskMetrics(registry, id, PLUGINS, time),
                new ErrorMetrics(registry, id, time));
    }
}
