package io.tributary.connect.worker.metered;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.metrics.Monitorable;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/** Matches every record, counting the records it tested in a plugin metric. */
public class MeteredPredicate<R extends ConnectRecord<R>> implements Predicate<R>, Monitorable {

    static final String TESTED = "records-tested";

    private final AtomicInteger tested = new AtomicInteger();
    private boolean configured;

    @Override
    public void configure(Map<String, ?> configs) {
        configured = true;
    }

    @Override
    public void withPluginMetrics(PluginMetrics metrics) {
        MeteredPlugins.count(metrics, TESTED, tested);
        MeteredPlugins.flag(metrics, MeteredPlugins.CONFIGURED_FIRST, configured);
    }

    @Override
    public boolean test(R record) {
        tested.incrementAndGet();
        return true;
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void close() {
    }
}
