package io.tributary.connect.herder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * A source connector for herder tests: its tasks emit nothing (or one record of {@code emit.bytes} per
 * poll) and fail in start() or poll() while the test has armed a failure for the connector's name
 * ({@code fail=start|poll}); with {@code fail=connector} the connector itself fails in start() while armed.
 */
public class ScriptedSourceConnector extends SourceConnector {

    static final String VERSION = "9.9.9-test";
    private static final Set<String> ARMED = ConcurrentHashMap.newKeySet();

    private Map<String, String> props;

    static void armFailure(String connector) {
        ARMED.add(connector);
    }

    static void disarmFailure(String connector) {
        ARMED.remove(connector);
    }

    @Override
    public void start(Map<String, String> props) {
        if ("connector".equals(props.get("fail")) && ARMED.contains(props.get("name"))) {
            throw new IllegalStateException("scripted failure in start of connector " + props.get("name"));
        }
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ScriptedTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(Map.copyOf(props));
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define("fail", ConfigDef.Type.STRING, "never",
                ConfigDef.ValidString.in("never", "start", "poll", "connector"), ConfigDef.Importance.LOW, "When tasks fail.");
    }

    @Override
    public String version() {
        return VERSION;
    }

    /** Idles in poll; fails where configured while its connector's failure is armed. */
    public static class ScriptedTask extends SourceTask {
        private String connector;
        private String failAt;
        private String topic;
        private int emitBytes;
        private long emitted;

        @Override
        public String version() {
            return VERSION;
        }

        @Override
        public void start(Map<String, String> props) {
            connector = props.get("name");
            failAt = props.getOrDefault("fail", "never");
            topic = props.get("topic");
            emitBytes = Integer.parseInt(props.getOrDefault("emit.bytes", "0"));
            if (failAt.equals("start") && ARMED.contains(connector)) {
                throw new IllegalStateException("scripted failure in start of " + connector);
            }
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            if (failAt.equals("poll") && ARMED.contains(connector)) {
                throw new IllegalStateException("scripted failure in poll of " + connector);
            }
            Thread.sleep(20); // an idle source; keeps the worker's loop from spinning
            if (emitBytes > 0) {
                return List.of(new SourceRecord(Map.of("p", 1), Map.of("n", ++emitted), topic,
                        org.apache.kafka.connect.data.Schema.STRING_SCHEMA, "x".repeat(emitBytes)));
            }
            return null;
        }

        @Override
        public void stop() {
        }
    }
}
