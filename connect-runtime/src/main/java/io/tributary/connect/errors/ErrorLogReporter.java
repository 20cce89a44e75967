package io.tributary.connect.errors;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each failure to the log at ERROR with its stack trace ({@code errors.log.enable}); the line has
 * Kafka Connect's wording so that existing log alerts keep matching. With
 * {@code errors.log.include.messages} it also names the record.
 */
public final class ErrorLogReporter implements ErrorReporter {

    private static final Logger log = LoggerFactory.getLogger(ErrorLogReporter.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final boolean includeRecords;
    private final ErrorMetrics metrics;

    public ErrorLogReporter(boolean includeRecords) {
        this(includeRecords, ErrorMetrics.NONE);
    }

    public ErrorLogReporter(boolean includeRecords, ErrorMetrics metrics) {
        this.includeRecords = includeRecords;
        this.metrics = metrics;
    }

    @Override
    public CompletableFuture<Void> report(ProcessingFailure failure) {
        log.error(message(failure), failure.error());
        metrics.recordLogged();
        return DONE;
    }

    String message(ProcessingFailure failure) {
        StringBuilder line = new StringBuilder("Error encountered in task ").append(failure.taskId())
                .append(". Executing stage '").append(failure.stage())
                .append("' with class '").append(failure.executingClass().getName()).append('\'');
        if (includeRecords) {
            ConsumerRecord<byte[], byte[]> consumed = failure.context().consumedRecord();
            if (consumed != null) {
                line.append(", where consumed record is {topic='").append(consumed.topic())
                        .append("', partition=").append(consumed.partition())
                        .append(", offset=").append(consumed.offset())
                        .append(", timestamp=").append(consumed.timestamp())
                        .append(", timestampType=").append(consumed.timestampType()).append('}');
            } else if (failure.context().sourceRecord() != null) {
                line.append(", where source record is = ").append(failure.context().sourceRecord());
            }
        }
        return line.append('.').toString();
    }
}
