package io.tributary.connect.worker.metered;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Emits {@code records} records (default 3), one a poll, to {@code topic}, each with one header, and counts
 * its polls that returned a record in a plugin metric.
 */
public class MeteredSourceTask extends SourceTask {

    static final String RECORDS = "records-polled";

    private final AtomicInteger polled = new AtomicInteger();
    private String topic;
    private int total;

    @Override
    public void start(Map<String, String> props) {
        topic = props.get("topic");
        total = Integer.parseInt(props.getOrDefault("records", "3"));
        MeteredPlugins.count(context.pluginMetrics(), RECORDS, polled);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (polled.get() >= total) {
            // Idle like a real source with nothing new, without spinning.
            Thread.sleep(100);
            return null;
        }
        int n = polled.incrementAndGet();
        SourceRecord record = new SourceRecord(Map.of("source", "metered"), Map.of("n", n), topic, null,
                Schema.STRING_SCHEMA, "key-" + n, Schema.STRING_SCHEMA, "value-" + n);
        record.headers().addString("h", "header-" + n);
        return List.of(record);
    }

    @Override
    public void stop() {
    }

    @Override
    public String version() {
        return "1.0";
    }
}
