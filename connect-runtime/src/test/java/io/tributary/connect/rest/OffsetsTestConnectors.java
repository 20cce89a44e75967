package io.tributary.connect.rest;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Connectors for the offsets and topics endpoints. Their alterOffsets answers as {@code mode} says
 * ("true", "false", "unsupported", "throw") and keeps what it was given, by connector name, for the test.
 */
public final class OffsetsTestConnectors {

    static final Map<String, Object> ALTERED = new ConcurrentHashMap<>();

    private OffsetsTestConnectors() {
    }

    private static boolean answer(Map<String, String> config, Object offsets) {
        ALTERED.put(config.get("name"), offsets);
        return switch (config.getOrDefault("mode", "true")) {
            case "unsupported" -> throw new UnsupportedOperationException("not here");
            case "throw" -> throw new IllegalStateException("broken hook");
            default -> Boolean.parseBoolean(config.getOrDefault("mode", "true"));
        };
    }

    private static ConfigDef modeConfig() {
        return new ConfigDef().define("mode", ConfigDef.Type.STRING, "true", ConfigDef.Importance.LOW,
                "How alterOffsets answers.");
    }

    /** Sends one record per poll to {@code topic} (when set) with partition {p=1} and offset {n=count}. */
    public static class Source extends SourceConnector {
        private Map<String, String> props;

        @Override
        public void start(Map<String, String> props) {
            this.props = props;
        }

        @Override
        public Class<? extends Task> taskClass() {
            return Emitter.class;
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
            return modeConfig();
        }

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public boolean alterOffsets(Map<String, String> config, Map<Map<String, ?>, Map<String, ?>> offsets) {
            return answer(config, offsets);
        }
    }

    public static class Emitter extends SourceTask {
        private String topic;
        private long count;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
            topic = props.get("topic");
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            Thread.sleep(50); // a slow source; keeps the task's loop from spinning
            if (topic == null) {
                return null;
            }
            count++;
            return List.of(new SourceRecord(Map.of("p", 1), Map.of("n", count), topic, Schema.STRING_SCHEMA, "x"));
        }

        @Override
        public void stop() {
        }
    }

    public static class Sink extends SinkConnector {
        private Map<String, String> props;

        @Override
        public void start(Map<String, String> props) {
            this.props = props;
        }

        @Override
        public Class<? extends Task> taskClass() {
            return Discarder.class;
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
            return modeConfig();
        }

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public boolean alterOffsets(Map<String, String> config, Map<TopicPartition, Long> offsets) {
            return answer(config, offsets);
        }
    }

    public static class Discarder extends SinkTask {
        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public void put(Collection<SinkRecord> records) {
        }

        @Override
        public void stop() {
        }
    }
}
