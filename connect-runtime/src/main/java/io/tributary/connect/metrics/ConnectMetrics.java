package io.tributary.connect.metrics;

import io.tributary.connect.config.DistributedConfig;
import io.tributary.connect.config.WorkerConfig;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Time;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The worker's metrics registry, set up from the worker's metrics settings as Kafka Connect sets up its own:
 * reporters from {@code metric.reporters} (JMX by default, under the {@code kafka.connect} domain), samples,
 * window and recording level, the metrics context labels of KIP-606, and the worker's app-info. The assembly
 * that builds the worker owns it and closes it after the worker stopped; metric groups of connectors and tasks
 * are added and removed as they come and go.
 */
public final class ConnectMetrics implements AutoCloseable {

    /** The JMX domain and metrics namespace of every Kafka Connect metric. */
    public static final String JMX_PREFIX = "kafka.connect";

    private final String workerId;
    private final Metrics metrics;
    private final Time time;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Reporter classes are instantiated here, so the caller makes the plugins' loader the context loader
     * when reporters may come from {@code plugin.path}.
     */
    public ConnectMetrics(String workerId, WorkerConfig config, Time time, String kafkaClusterId) {
        this.workerId = workerId;
        this.time = time;
        MetricConfig metricConfig = new MetricConfig()
                .samples(config.getInt(WorkerConfig.METRICS_NUM_SAMPLES_CONFIG))
                .timeWindow(config.getLong(WorkerConfig.METRICS_SAMPLE_WINDOW_MS_CONFIG), TimeUnit.MILLISECONDS)
                .recordLevel(Sensor.RecordingLevel.forName(
                        config.getString(WorkerConfig.METRICS_RECORDING_LEVEL_CONFIG)));
        List<MetricsReporter> reporters = CommonClientConfigs.metricsReporters(workerId, config);
        this.metrics = new Metrics(metricConfig, reporters, time,
                new KafkaMetricsContext(JMX_PREFIX, contextLabels(config, kafkaClusterId)));
        AppInfoParser.registerAppInfo(JMX_PREFIX, workerId, metrics, time.milliseconds());
    }

    /** KIP-606: the worker's {@code metrics.context.*} settings, the Kafka cluster id and, distributed, the group. */
    private static Map<String, Object> contextLabels(WorkerConfig config, String kafkaClusterId) {
        Map<String, Object> labels = new HashMap<>(config.originalsWithPrefix(WorkerConfig.METRICS_CONTEXT_PREFIX));
        labels.put(WorkerConfig.CONNECT_KAFKA_CLUSTER_ID, kafkaClusterId);
        if (config instanceof DistributedConfig distributed) {
            labels.put(WorkerConfig.CONNECT_GROUP_ID, distributed.groupId());
        }
        return labels;
    }

    /** The id of the worker whose metrics these are (its advertised REST host:port). */
    public String workerId() {
        return workerId;
    }

    /** The registry itself, for metric groups, sensors and readers such as the Prometheus endpoint. */
    public Metrics registry() {
        return metrics;
    }

    /**
     * A new group of metrics, e.g. {@code connector-metrics} tagged {@code connector=<name>}; its owner closes it
     * when the thing it measures goes away.
     */
    public MetricGroup group(String name, Map<String, String> tags) {
        return new MetricGroup(metrics, name, tags);
    }

    public Time time() {
        return time;
    }

    /** Unregisters the app-info and closes the registry and its reporters; safe twice. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            AppInfoParser.unregisterAppInfo(JMX_PREFIX, workerId, metrics);
            metrics.close();
        }
    }
}
