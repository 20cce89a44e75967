package io.tributary.connect.worker.metered;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/** Counts the records it is given in a plugin metric. */
public class MeteredSinkTask extends SinkTask {

    static final String RECORDS = "records-put";

    private final AtomicInteger put = new AtomicInteger();

    @Override
    public void start(Map<String, String> props) {
        MeteredPlugins.count(context.pluginMetrics(), RECORDS, put);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        put.addAndGet(records.size());
    }

    @Override
    public void stop() {
    }

    @Override
    public String version() {
        return "1.0";
    }
}
