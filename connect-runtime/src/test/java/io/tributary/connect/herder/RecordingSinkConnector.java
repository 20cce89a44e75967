package io.tributary.connect.herder;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A sink whose tasks remember every (partition, offset) they were given, per connector name. */
public class RecordingSinkConnector extends SinkConnector {

    private static final Map<String, Set<String>> SEEN = new ConcurrentHashMap<>();

    private Map<String, String> props;

    /** The "partition/offset" of every record the connector's tasks received. */
    static Set<String> seen(String connector) {
        return SEEN.computeIfAbsent(connector, name -> ConcurrentHashMap.newKeySet());
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return RecordingSinkTask.class;
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
        return new ConfigDef();
    }

    @Override
    public String version() {
        return "1.0-test";
    }

    public static class RecordingSinkTask extends SinkTask {
        private Set<String> seen;

        @Override
        public void start(Map<String, String> props) {
            seen = seen(props.get("name"));
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            records.forEach(record -> seen.add(record.kafkaPartition() + "/" + record.kafkaOffset()));
        }

        @Override
        public void stop() {
        }

        @Override
        public String version() {
            return "1.0-test";
        }
    }
}
