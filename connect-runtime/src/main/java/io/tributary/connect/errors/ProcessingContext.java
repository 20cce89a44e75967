package io.tributary.connect.errors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The record a task is working on when a stage fails: for sinks the record as consumed (its original
 * bytes go to the dead letter queue), for sources the record the task polled.
 */
public final class ProcessingContext {

    private final ConsumerRecord<byte[], byte[]> consumed;
    private final SourceRecord polled;

    private ProcessingContext(ConsumerRecord<byte[], byte[]> consumed, SourceRecord polled) {
        this.consumed = consumed;
        this.polled = polled;
    }

    public static ProcessingContext consumed(ConsumerRecord<byte[], byte[]> record) {
        return new ProcessingContext(record, null);
    }

    public static ProcessingContext polled(SourceRecord record) {
        return new ProcessingContext(null, record);
    }

    /** The consumed record, or null for a source task's record. */
    public ConsumerRecord<byte[], byte[]> consumedRecord() {
        return consumed;
    }

    /** The polled source record, or null for a sink task's record. */
    public SourceRecord sourceRecord() {
        return polled;
    }

    /** Where the record is, for failure messages: never its contents. */
    public String position() {
        if (consumed != null) {
            return "topic '" + consumed.topic() + "', partition " + consumed.partition() + ", offset "
                    + consumed.offset();
        }
        if (polled != null) {
            return "topic '" + polled.topic() + "', source partition " + polled.sourcePartition()
                    + ", source offset " + polled.sourceOffset();
        }
        return "unknown record";
    }
}
