package io.tributary.connect.herder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/** A source connector without tasks that remembers on which thread each of its methods was last called. */
public class ThreadRecordingConnector extends SourceConnector {

    private static final Map<String, String> THREADS = new ConcurrentHashMap<>();

    /** The name of the thread that last called the method (validate, start, taskConfigs, ...), or null. */
    static String threadOf(String method) {
        return THREADS.get(method);
    }

    static void forget() {
        THREADS.clear();
    }

    private static void record(String method) {
        THREADS.put(method, Thread.currentThread().getName());
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        record("validate");
        return super.validate(connectorConfigs);
    }

    @Override
    public void start(Map<String, String> props) {
        record("start");
    }

    @Override
    public Class<? extends Task> taskClass() {
        record("taskClass");
        return ScriptedSourceConnector.ScriptedTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        record("taskConfigs");
        return List.of();
    }

    @Override
    public void stop() {
        record("stop");
    }

    @Override
    public ConfigDef config() {
        record("config");
        return new ConfigDef();
    }

    @Override
    public String version() {
        record("version");
        return "1.0-test";
    }
}
