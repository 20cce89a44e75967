package io.tributary.connect.worker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.tributary.connect.errors.ErrorHandler;
import io.tributary.connect.errors.ProcessingContext;
import io.tributary.connect.errors.Stage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * What {@code SinkTaskContext.errantRecordReporter()} hands a task: records it reports go through the
 * connector's error handling (log, dead letter queue, tolerance) as failures of the TASK_PUT stage. The
 * worker waits for the reports of a partition before committing its offsets, so a reported record is
 * never lost to a commit.
 */
final class WorkerErrantRecordReporter implements ErrantRecordReporter {

    private final ErrorHandler errors;
    private final Converters converters;
    private final Map<TopicPartition, List<CompletableFuture<Void>>> pending = new ConcurrentHashMap<>();

    WorkerErrantRecordReporter(ErrorHandler errors, Converters converters) {
        this.errors = errors;
        this.converters = converters;
    }

    @Override
    public Future<Void> report(SinkRecord record, Throwable error) {
        ConsumerRecord<byte[], byte[]> consumed = record instanceof ConsumedSinkRecord own ? own.consumed()
                : serialize(record);
        CompletableFuture<Void> reported = errors.reportFailed(ProcessingContext.consumed(consumed), Stage.TASK_PUT,
                SinkTask.class, error);
        if (!reported.isDone()) {
            TopicPartition partition = new TopicPartition(consumed.topic(), consumed.partition());
            List<CompletableFuture<Void>> ofPartition = pending.computeIfAbsent(partition, p -> new ArrayList<>());
            synchronized (ofPartition) {
                ofPartition.add(reported);
            }
        }
        return reported;
    }

    /** Waits until every record reported for these partitions is written. */
    void awaitReports(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            List<CompletableFuture<Void>> ofPartition = pending.get(partition);
            if (ofPartition == null) {
                continue;
            }
            List<CompletableFuture<Void>> waiting;
            synchronized (ofPartition) {
                waiting = new ArrayList<>(ofPartition);
                ofPartition.clear();
            }
            for (CompletableFuture<Void> report : waiting) {
                try {
                    report.get();
                } catch (ExecutionException e) {
                    throw new ConnectException("An errant record of " + partition + " could not be reported",
                            e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConnectException("Interrupted while waiting for errant record reports", e);
                }
            }
        }
    }

    /** Forgets reports of partitions the task no longer owns. */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(pending::remove);
    }

    /** A record the task built itself: serialized with the task's converters, at its original position. */
    private ConsumerRecord<byte[], byte[]> serialize(SinkRecord record) {
        String topic = record.originalTopic();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header.key(),
                    converters.header().fromConnectHeader(topic, header.key(), header.schema(), header.value()));
        }
        byte[] key = converters.key().fromConnectData(topic, headers, record.keySchema(), record.key());
        byte[] value = converters.value().fromConnectData(topic, headers, record.valueSchema(), record.value());
        long timestamp = record.timestamp() == null ? RecordBatch.NO_TIMESTAMP : record.timestamp();
        TimestampType type = record.timestampType() == null ? TimestampType.NO_TIMESTAMP_TYPE : record.timestampType();
        int partition = record.originalKafkaPartition() == null ? 0 : record.originalKafkaPartition();
        return new ConsumerRecord<>(topic, partition, record.originalKafkaOffset(), timestamp, type,
                key == null ? -1 : key.length, value == null ? -1 : value.length, key, value, headers,
                Optional.empty());
    }
}
