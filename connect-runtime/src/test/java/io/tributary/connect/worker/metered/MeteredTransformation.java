package io.tributary.connect.worker.metered;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.metrics.Monitorable;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/** Passes records through unchanged, counting them in a plugin metric. */
public class MeteredTransformation<R extends ConnectRecord<R>> implements Transformation<R>, Monitorable {

    static final String APPLIED = "records-transformed";

    private final AtomicInteger applied = new AtomicInteger();
    private boolean configured;

    @Override
    public void configure(Map<String, ?> configs) {
        configured = true;
    }

    @Override
    public void withPluginMetrics(PluginMetrics metrics) {
        MeteredPlugins.count(metrics, APPLIED, applied);
        MeteredPlugins.flag(metrics, MeteredPlugins.CONFIGURED_FIRST, configured);
    }

    @Override
    public R apply(R record) {
        applied.incrementAndGet();
        return record;
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void close() {
    }
}
