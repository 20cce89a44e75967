package io.tributary.connect.worker;

import java.util.concurrent.atomic.LongAdder;

import io.tributary.connect.errors.ErrorMetrics;
import io.tributary.connect.metrics.MetricGroup;
import io.tributary.connect.model.ConnectorTaskId;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Min;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.Value;

/**
 * A source task's metric groups: {@code source-task-metrics} (records polled and written, poll times, records
 * in flight) beside its {@code connector-task-metrics} and {@code task-error-metrics}. Recorded once per
 * batch by the task thread; acknowledgements, which arrive one by one on the producer's thread, are only
 * counted there and recorded by the task thread at its next turn.
 */
final class SourceTaskMetrics implements AutoCloseable {

    static final String GROUP = "source-task-metrics";

    private final TaskMetrics task;
    private final ErrorMetrics errors;
    private final MetricGroup group;
    private final Sensor poll;
    private final Sensor pollTime;
    private final Sensor write;
    private final Sensor active;
    private final LongAdder acknowledged = new LongAdder();
    private Sensor transactionSize;

    SourceTaskMetrics(Metrics registry, ConnectorTaskId id, TaskMetrics task, ErrorMetrics errors) {
        this.task = task;
        this.errors = errors;
        this.group = MetricGroup.of(registry, GROUP, "connector", id.connector(), "task",
                String.valueOf(id.task()));
        poll = group.sensor("source-record-poll");
        poll.add(group.metricName("source-record-poll-rate", "Records polled from the task per second."), new Rate());
        poll.add(group.metricName("source-record-poll-total", "Records polled from the task."), new CumulativeSum());
        pollTime = group.sensor("poll-batch-time");
        pollTime.add(group.metricName("poll-batch-max-time-ms", "The longest poll that returned records, in ms."),
                new Max());
        pollTime.add(group.metricName("poll-batch-avg-time-ms", "The mean time of polls that returned records, in ms."),
                new Avg());
        write = group.sensor("source-record-write");
        write.add(group.metricName("source-record-write-rate", "Records written to Kafka per second."), new Rate());
        write.add(group.metricName("source-record-write-total", "Records written to Kafka (acknowledged by the broker)."),
                new CumulativeSum());
        active = group.sensor("source-record-active-count");
        active.add(group.metricName("source-record-active-count", "Records polled but not yet acknowledged."),
                new Value());
        active.add(group.metricName("source-record-active-count-max", "The most records polled but not yet acknowledged."),
                new Max());
        active.add(group.metricName("source-record-active-count-avg", "The mean of records polled but not yet acknowledged."),
                new Avg());
    }

    TaskMetrics task() {
        return task;
    }

    ErrorMetrics errors() {
        return errors;
    }

    /** The task returned a batch of records. */
    void recordPoll(int records, long durationMs) {
        poll.record(records);
        pollTime.record(durationMs);
        task.recordBatch(records);
    }

    /** From any thread: the broker acknowledged a record. */
    void acknowledged() {
        acknowledged.increment();
    }

    /** On the task thread: records the acknowledgements counted since the last call. */
    void recordWrites() {
        long written = acknowledged.sumThenReset();
        if (written > 0) {
            write.record(written);
        }
    }

    /**
     * An exactly-once task committed a transaction of this many records. The sensor exists only for such tasks,
     * as in Kafka Connect. Task thread only.
     */
    void recordTransactionSize(int records) {
        if (transactionSize == null) {
            transactionSize = group.sensor("transaction-size");
            transactionSize.add(group.metricName("transaction-size-avg",
                    "The mean number of records in the transactions the task committed."), new Avg());
            transactionSize.add(group.metricName("transaction-size-min",
                    "The fewest records in a transaction the task committed."), new Min());
            transactionSize.add(group.metricName("transaction-size-max",
                    "The most records in a transaction the task committed."), new Max());
        }
        transactionSize.record(records);
    }

    /** After a polled batch was handed on: the records polled and not yet acknowledged. */
    void recordActive(int inFlight) {
        active.record(inFlight);
    }

    @Override
    public void close() {
        group.close();
        task.close();
        errors.close();
    }
}
