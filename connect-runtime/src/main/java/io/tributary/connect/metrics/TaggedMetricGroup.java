package io.tributary.connect.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;

/**
 * The metrics of one group and one set of tags (for JMX: the MBean {@code kafka.connect:type=<group>,<tags>}),
 * created together and removed together by {@link #close()}. Sensor names are prefixed with the group and
 * tags, so two instances of a group never share a sensor.
 */
public final class TaggedMetricGroup implements AutoCloseable {

    private final Metrics registry;
    private final String group;
    private final Map<String, String> tags;
    private final String sensorPrefix;
    private final List<MetricName> metricNames = new ArrayList<>();
    private final List<String> sensorNames = new ArrayList<>();
    private boolean closed;

    /** Tags keep the order given (key, value, key, value...): it is the order of the MBean name's keys. */
    public TaggedMetricGroup(Metrics registry, String group, String... tagKeysAndValues) {
        if (tagKeysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Tags come as key, value pairs");
        }
        this.registry = registry;
        this.group = group;
        Map<String, String> ordered = new LinkedHashMap<>();
        StringBuilder prefix = new StringBuilder(group);
        for (int i = 0; i < tagKeysAndValues.length; i += 2) {
            ordered.put(tagKeysAndValues[i], tagKeysAndValues[i + 1]);
            prefix.append(':').append(tagKeysAndValues[i]).append('=').append(tagKeysAndValues[i + 1]);
        }
        this.tags = ordered;
        this.sensorPrefix = prefix.append(':').toString();
    }

    public MetricName name(String metric, String description) {
        return registry.metricName(metric, group, description, tags);
    }

    /** A sensor of this group; add its stats with {@link #name}. */
    public synchronized Sensor sensor(String name) {
        String fullName = sensorPrefix + name;
        sensorNames.add(fullName);
        return registry.sensor(fullName);
    }

    /** A metric whose value is computed when read. */
    public synchronized void gauge(String metric, String description, Gauge<?> value) {
        MetricName name = name(metric, description);
        metricNames.add(name);
        registry.addMetric(name, value);
    }

    /** A numeric metric computed when read. */
    public synchronized void measurable(String metric, String description, Measurable value) {
        MetricName name = name(metric, description);
        metricNames.add(name);
        registry.addMetric(name, value);
    }

    /** A metric whose value never changes. */
    public void constant(String metric, String description, Object value) {
        gauge(metric, description, (config, now) -> value);
    }

    /** Removes every metric and sensor of the group; safe twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        sensorNames.forEach(registry::removeSensor);
        metricNames.forEach(registry::removeMetric);
    }
}
