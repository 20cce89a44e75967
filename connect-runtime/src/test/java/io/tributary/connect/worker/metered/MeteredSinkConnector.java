package io.tributary.connect.worker.metered;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/** A sink connector that counts its starts in a plugin metric; its tasks count the records they are given. */
public class MeteredSinkConnector extends SinkConnector {

    private final AtomicInteger starts = new AtomicInteger();
    private Map<String, String> config;
    private boolean registered;

    @Override
    public void start(Map<String, String> props) {
        config = new HashMap<>(props);
        if (!registered) {
            MeteredPlugins.count(context().pluginMetrics(), MeteredSourceConnector.STARTS, starts);
            registered = true;
        }
        starts.incrementAndGet();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return MeteredSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public String version() {
        return "1.0";
    }
}
