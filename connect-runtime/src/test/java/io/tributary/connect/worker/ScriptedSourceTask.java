package io.tributary.connect.worker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.SourceTaskContext;

/**
 * A source task that answers each poll with the next step of its script (nothing when the script is empty),
 * noting every poll in a shared event list and every commitRecord call.
 */
final class ScriptedSourceTask extends SourceTask {

    static final Map<String, Object> FILE = Map.of("file", "lines.txt");
    static final String TOPIC = "lines";

    /** What one poll does; runs on the task thread. */
    @FunctionalInterface
    interface Step {
        List<SourceRecord> poll() throws InterruptedException;
    }

    /** One commitRecord call; metadata is null for a record that was skipped. */
    record Committed(SourceRecord record, RecordMetadata metadata) {
    }

    final List<Committed> committed = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Step> script = new LinkedBlockingQueue<>();
    private final List<String> events;

    ScriptedSourceTask(List<String> events) {
        this.events = events;
    }

    /** The record at a line of {@link #FILE}: value "line-N", source offset {position=N}. */
    static SourceRecord line(long position) {
        return new SourceRecord(FILE, offset(position), TOPIC, null, Schema.STRING_SCHEMA, "line-" + position);
    }

    static Map<String, Object> offset(long position) {
        return Map.of("position", position);
    }

    /** A later poll answers these records as one batch. */
    void returns(SourceRecord... records) {
        script.add(() -> List.of(records));
    }

    /** A later poll runs this step. */
    void then(Step step) {
        script.add(step);
    }

    /** What the worker gave the task at initialization. */
    SourceTaskContext context() {
        return context;
    }

    List<SourceRecord> committedRecords() {
        return committed.stream().map(Committed::record).toList();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        events.add("poll");
        Step step = script.poll(10, TimeUnit.MILLISECONDS);
        return step == null ? null : step.poll();
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        committed.add(new Committed(record, metadata));
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(Map<String, String> props) {
    }

    @Override
    public void stop() {
    }
}
