package org.apache.kafka.connect.sink;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.connector.Task;

/** A task that receives records consumed from Kafka and writes them out. */
public abstract class SinkTask implements Task {

    /** Comma-separated topics to consume. */
    public static final String TOPICS_CONFIG = "topics";

    /** A regular expression selecting the topics to consume. */
    public static final String TOPICS_REGEX_CONFIG = "topics.regex";

    protected SinkTaskContext context;

    public void initialize(SinkTaskContext context) {
        this.context = context;
    }

    @Override
    public abstract void start(Map<String, String> props);

    /** Delivers a batch of records; may buffer them until {@link #flush}. */
    public abstract void put(Collection<SinkRecord> records);

    /** Makes everything put so far durable. The default does nothing. */
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    }

    /**
     * Called before offsets are committed; returns the offsets that are safe to commit. The default
     * flushes and then reports all offsets consumed so far as committable.
     */
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        flush(currentOffsets);
        return currentOffsets;
    }

    /** Called when partitions are assigned to this task. The default does nothing. */
    public void open(Collection<TopicPartition> partitions) {
    }

    /** Called when partitions are taken from this task; buffered data for them should be written. */
    public void close(Collection<TopicPartition> partitions) {
    }

    @Override
    public abstract void stop();
}
