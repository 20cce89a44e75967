package io.tributary.connect.e2e.plugins;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

import java.util.List;
import java.util.Map;

/**
 * A source connector for end-to-end tests, loaded by a real worker from plugin.path. Its task
 * fails in start() or poll() while a marker file exists, so a test can cause a failure and
 * later remove its cause.
 */
public class ScriptedSourceConnector extends SourceConnector {

    static final String TOPIC = "topic";
    static final String FAIL_MARKER = "fail.marker";
    static final String FAIL_IN = "fail.in";

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ScriptedSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define(TOPIC, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Topic to write a counter to")
                .define(FAIL_MARKER, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH,
                        "While this file exists the task fails")
                .define(FAIL_IN, ConfigDef.Type.STRING, "poll", ConfigDef.ValidString.in("start", "poll"),
                        ConfigDef.Importance.HIGH, "Where the task fails: start or poll");
    }

    @Override
    public String version() {
        return "1.0-test";
    }
}
