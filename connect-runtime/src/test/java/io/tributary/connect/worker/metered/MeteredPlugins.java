package io.tributary.connect.worker.metered;

import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * Shared bits of the metered test plugins: each registers, through the {@link PluginMetrics} the worker gave
 * it, a counter of its own calls and (for configurable plugins) whether it had been configured by then.
 */
final class MeteredPlugins {

    /** Present on configurable plugins: 1 when configure() ran before the worker handed out the metrics. */
    static final String CONFIGURED_FIRST = "configured-before-metrics";

    private MeteredPlugins() {
    }

    /** Registers {@code name} reading {@code counter}, with no tags of the plugin's own. */
    static void count(PluginMetrics metrics, String name, AtomicInteger counter) {
        metrics.addMetric(metrics.metricName(name, "Calls seen by the test plugin", new LinkedHashMap<>()),
                (Measurable) (config, now) -> counter.get());
    }

    static void flag(PluginMetrics metrics, String name, boolean value) {
        metrics.addMetric(metrics.metricName(name, "A fact the test plugin recorded", new LinkedHashMap<>()),
                (Measurable) (config, now) -> value ? 1.0 : 0.0);
    }
}
