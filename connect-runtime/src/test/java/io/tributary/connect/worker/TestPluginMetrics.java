package io.tributary.connect.worker;

import java.util.Map;

import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;

/** Plugin metrics for task loop tests that run a task without a worker: a registry of their own, no reporters. */
final class TestPluginMetrics {

    private TestPluginMetrics() {
    }

    static PluginMetricsImpl detached() {
        return new PluginMetricsImpl(new Metrics(), Map.of());
    }
}
