package io.tributary.connect.errors;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.RecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each failed sink record, with its original key, value, headers and timestamp, to the dead letter
 * queue topic, optionally followed by headers describing the failure. Source records have no consumed
 * bytes to send and are left to the other reporters.
 */
public final class DeadLetterQueueReporter implements ErrorReporter {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueueReporter.class);
    private static final CompletableFuture<Void> NOTHING_SENT = CompletableFuture.completedFuture(null);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final boolean contextHeaders;
    private final Producer<byte[], byte[]> producer;
    private final ErrorMetrics metrics;

    public DeadLetterQueueReporter(String topic, boolean contextHeaders, Producer<byte[], byte[]> producer) {
        this(topic, contextHeaders, producer, ErrorMetrics.NONE);
    }

    public DeadLetterQueueReporter(String topic, boolean contextHeaders, Producer<byte[], byte[]> producer,
                                   ErrorMetrics metrics) {
        this.topic = topic;
        this.contextHeaders = contextHeaders;
        this.producer = producer;
        this.metrics = metrics;
    }

    @Override
    public CompletableFuture<Void> report(ProcessingFailure failure) {
        ConsumerRecord<byte[], byte[]> consumed = failure.context().consumedRecord();
        if (consumed == null) {
            return NOTHING_SENT;
        }
        ProducerRecord<byte[], byte[]> record = deadLetter(consumed, failure);
        CompletableFuture<Void> acked = new CompletableFuture<>();
        metrics.recordDeadLetterQueueRequest();
        producer.send(record, (metadata, error) -> {
            if (error == null) {
                acked.complete(null);
            } else {
                metrics.recordDeadLetterQueueFailure();
                log.error("{}: could not write the failed record at {} to the dead letter queue topic '{}'",
                        failure.taskId(), failure.context().position(), topic, error);
                acked.completeExceptionally(error);
            }
        });
        return acked;
    }

    ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> consumed, ProcessingFailure failure) {
        RecordHeaders headers = new RecordHeaders(consumed.headers().toArray());
        if (contextHeaders) {
            DeadLetterQueueHeaders.append(headers, failure);
        }
        Long timestamp = consumed.timestamp() == RecordBatch.NO_TIMESTAMP ? null : consumed.timestamp();
        return new ProducerRecord<>(topic, null, timestamp, consumed.key(), consumed.value(), headers);
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
