package io.tributary.connect.e2e.plugins;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Writes an increasing counter, a record every 50 ms, unless its marker file says to fail. */
public class ScriptedSourceTask extends SourceTask {

    private String topic;
    private Path marker;
    private String failIn;
    private long counter;

    @Override
    public void start(Map<String, String> props) {
        topic = props.get(ScriptedSourceConnector.TOPIC);
        marker = Path.of(props.get(ScriptedSourceConnector.FAIL_MARKER));
        failIn = props.getOrDefault(ScriptedSourceConnector.FAIL_IN, "poll");
        if (failIn.equals("start") && Files.exists(marker)) {
            throw new ConnectException("scripted failure in start(): marker " + marker + " exists");
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (failIn.equals("poll") && Files.exists(marker)) {
            throw new ConnectException("scripted failure in poll(): marker " + marker + " exists");
        }
        TimeUnit.MILLISECONDS.sleep(50);
        counter++;
        return List.of(new SourceRecord(Map.of("scripted", topic), Map.of("counter", counter),
                topic, Schema.INT64_SCHEMA, counter));
    }

    @Override
    public void stop() {
    }

    @Override
    public String version() {
        return "1.0-test";
    }
}
