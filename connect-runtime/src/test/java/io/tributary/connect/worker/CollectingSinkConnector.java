package io.tributary.connect.worker;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * A test sink that keeps the records it receives in memory under its {@code collector} name. Records whose
 * value mentions "bad" are handed to the errant record reporter instead, waiting for the report.
 */
public class CollectingSinkConnector extends SinkConnector {

    static final Map<String, BlockingQueue<SinkRecord>> COLLECTED = new ConcurrentHashMap<>();
    static final Map<String, BlockingQueue<String>> REPORTS = new ConcurrentHashMap<>();

    private Map<String, String> props;

    static BlockingQueue<SinkRecord> collected(String collector) {
        return COLLECTED.computeIfAbsent(collector, name -> new LinkedBlockingQueue<>());
    }

    /** "acked" for each report whose future completed, "no reporter" when the context offered none. */
    static BlockingQueue<String> reports(String collector) {
        return REPORTS.computeIfAbsent(collector, name -> new LinkedBlockingQueue<>());
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CollectingTask.class;
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
        return new ConfigDef().define("collector", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Queue name.");
    }

    @Override
    public String version() {
        return "1.0";
    }

    public static class CollectingTask extends SinkTask {

        private String collector;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
            collector = props.get("collector");
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            for (SinkRecord record : records) {
                if (String.valueOf(record.value()).contains("bad")) {
                    report(record);
                } else {
                    collected(collector).add(record);
                }
            }
        }

        private void report(SinkRecord record) {
            ErrantRecordReporter reporter = context.errantRecordReporter();
            if (reporter == null) {
                reports(collector).add("no reporter");
                return;
            }
            Future<Void> report = reporter.report(record, new IllegalArgumentException("bad record "
                    + record.kafkaOffset()));
            try {
                report.get(30, TimeUnit.SECONDS);
                reports(collector).add("acked");
            } catch (Exception e) {
                throw new ConnectException("report failed", e);
            }
        }

        @Override
        public void stop() {
        }
    }
}
