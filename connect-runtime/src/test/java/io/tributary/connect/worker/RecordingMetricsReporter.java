package io.tributary.connect.worker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsContext;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * A MetricsReporter as a third party writes one, named in a worker's {@code metric.reporters}: it records what
 * the worker hands it. Instances are found by the worker setting {@value #NAME_CONFIG}.
 */
public final class RecordingMetricsReporter implements MetricsReporter {

    static final String NAME_CONFIG = "recording.reporter.name";
    private static final Map<String, RecordingMetricsReporter> BY_NAME = new ConcurrentHashMap<>();

    final Map<MetricName, KafkaMetric> metrics = new ConcurrentHashMap<>();
    final List<Map<String, String>> contexts = new CopyOnWriteArrayList<>();
    volatile Map<String, ?> configs;
    volatile boolean closed;

    static RecordingMetricsReporter named(String name) {
        return BY_NAME.get(name);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        this.configs = Map.copyOf(configs);
        Object name = configs.get(NAME_CONFIG);
        if (name != null) {
            BY_NAME.put(name.toString(), this);
        }
    }

    @Override
    public void contextChange(MetricsContext context) {
        contexts.add(Map.copyOf(context.contextLabels()));
    }

    @Override
    public void init(List<KafkaMetric> initial) {
        initial.forEach(this::metricChange);
    }

    @Override
    public void metricChange(KafkaMetric metric) {
        metrics.put(metric.metricName(), metric);
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
        metrics.remove(metric.metricName());
    }

    @Override
    public void close() {
        closed = true;
    }

    KafkaMetric find(String group, String name, Map<String, String> tags) {
        return metrics.get(new MetricName(name, group, "", tags));
    }
}
