package io.tributary.connect.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Monitorable;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.utils.Utils;

/**
 * Where plugins register their own metrics (KIP-877). Every such metric is in the {@code plugins} group that
 * kafka-clients' {@link PluginMetricsImpl} sets, tagged, in this order, with the connector, then the task, then
 * for a task's converters, transformations and predicates their role: {@code converter=key|value|header},
 * {@code transformation=<alias>} or {@code predicate=<alias>}; the plugin's own tags follow. Under JMX a
 * connector's metrics are {@code kafka.connect:type=plugins,connector=<name>} and a task's key converter's
 * {@code kafka.connect:type=plugins,connector=<name>,task=<n>,converter=key}, as in Kafka Connect.
 * Whoever asks for a {@link PluginMetricsImpl} closes it, which removes every metric registered through it.
 */
public final class PluginMetricsFactory {

    public static final String CONNECTOR_TAG = "connector";
    public static final String TASK_TAG = "task";
    public static final String CONVERTER_TAG = "converter";
    public static final String TRANSFORMATION_TAG = "transformation";
    public static final String PREDICATE_TAG = "predicate";

    /** What a plugin that is not {@link Monitorable} leaves to remove. */
    private static final AutoCloseable NOTHING = () -> { };

    private final Metrics registry;

    public PluginMetricsFactory(Metrics registry) {
        this.registry = registry;
    }

    /** What {@code ConnectorContext.pluginMetrics()} answers for the connector. */
    public PluginMetricsImpl forConnector(String connector) {
        return new PluginMetricsImpl(registry, connectorTags(connector));
    }

    /** What a task's {@code context.pluginMetrics()} answers. */
    public PluginMetricsImpl forTask(String connector, int task) {
        return new PluginMetricsImpl(registry, taskTags(connector, task));
    }

    /**
     * Hands a {@link Monitorable} converter, transformation or predicate of a task its metrics, tagged with its
     * role (e.g. {@code converter=key}); call it once the plugin is configured. The answer removes them again
     * and is to be closed after the plugin itself; for any other plugin it does nothing.
     */
    public AutoCloseable monitor(Object plugin, String connector, int task, String roleTag, String role) {
        if (!(plugin instanceof Monitorable monitorable)) {
            return NOTHING;
        }
        Map<String, String> tags = taskTags(connector, task);
        tags.put(roleTag, role);
        PluginMetricsImpl metrics = new PluginMetricsImpl(registry, tags);
        try {
            monitorable.withPluginMetrics(metrics);
        } catch (RuntimeException e) {
            Utils.closeQuietly(metrics, "metrics of a plugin that failed to take them");
            throw e;
        }
        return metrics;
    }

    private static Map<String, String> connectorTags(String connector) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(CONNECTOR_TAG, connector);
        return tags;
    }

    private static Map<String, String> taskTags(String connector, int task) {
        Map<String, String> tags = connectorTags(connector);
        tags.put(TASK_TAG, String.valueOf(task));
        return tags;
    }
}
