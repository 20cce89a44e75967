package io.tributary.connect.metrics;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.LongToDoubleFunction;

/**
 * The metrics one thing registers under one group name and one set of tags (one JMX MBean), which it removes
 * together when that thing goes away. Tags keep the order given, which is the order of the keys in the MBean's
 * name.
 */
public final class MetricGroup implements AutoCloseable {

    private final Metrics registry;
    private final String group;
    private final Map<String, String> tags;
    private final List<MetricName> metrics = new ArrayList<>();
    private final List<String> sensors = new ArrayList<>();
    private boolean closed;

    /** A group in any registry, tags given as key, value, key, value... in the order of the MBean's keys. */
    public static MetricGroup of(Metrics registry, String group, String... tagKeysAndValues) {
        if (tagKeysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Tags come as key, value pairs");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < tagKeysAndValues.length; i += 2) {
            tags.put(tagKeysAndValues[i], tagKeysAndValues[i + 1]);
        }
        return new MetricGroup(registry, group, tags);
    }

    MetricGroup(Metrics registry, String group, Map<String, String> tags) {
        this.registry = registry;
        this.group = group;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    public String group() {
        return group;
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** The name of a metric of this group. */
    public MetricName metricName(String name, String description) {
        return registry.metricName(name, group, description, tags);
    }

    /** A metric whose value is computed when read, from the time of reading in milliseconds. */
    public synchronized <T> void gauge(String name, String description, LongFunction<T> value) {
        MetricName metricName = metricName(name, description);
        registry.addMetric(metricName, (Gauge<T>) (config, now) -> value.apply(now));
        metrics.add(metricName);
    }

    /** A numeric metric computed when read, from the time of reading in milliseconds. */
    public synchronized void measurable(String name, String description, LongToDoubleFunction value) {
        MetricName metricName = metricName(name, description);
        registry.addMetric(metricName, (Measurable) (config, now) -> value.applyAsDouble(now));
        metrics.add(metricName);
    }

    /** A metric whose value never changes. */
    public void constant(String name, String description, Object value) {
        gauge(name, description, now -> value);
    }

    /**
     * A sensor owned by this group, named uniquely within the registry from the group, its tags and
     * {@code name}; the caller adds its stats with {@link #metricName}.
     */
    public synchronized Sensor sensor(String name) {
        StringBuilder unique = new StringBuilder(group);
        tags.forEach((key, value) -> unique.append(':').append(key).append('=').append(value));
        String sensorName = unique.append(':').append(name).toString();
        Sensor sensor = registry.sensor(sensorName);
        sensors.add(sensorName);
        return sensor;
    }

    /** Removes every metric and sensor of the group from the registry; safe twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        sensors.forEach(registry::removeSensor);
        metrics.forEach(registry::removeMetric);
        sensors.clear();
        metrics.clear();
    }
}
