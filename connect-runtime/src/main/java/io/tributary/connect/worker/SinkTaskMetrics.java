package io.tributary.connect.worker;

import io.tributary.connect.errors.ErrorMetrics;
import io.tributary.connect.metrics.MetricGroup;
import io.tributary.connect.model.ConnectorTaskId;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.Value;

/**
 * A sink task's metric groups: {@code sink-task-metrics} (records read and put, put times, partitions, offset
 * commits, records not yet committed) beside its {@code connector-task-metrics} and {@code task-error-metrics}.
 * Recorded by the task thread, once per batch or commit.
 */
final class SinkTaskMetrics implements AutoCloseable {

    static final String GROUP = "sink-task-metrics";

    private final TaskMetrics task;
    private final ErrorMetrics errors;
    private final MetricGroup group;
    private final Sensor read;
    private final Sensor send;
    private final Sensor putTime;
    private final Sensor active;
    private final Sensor commitCompleted;
    private final Sensor commitSkipped;
    private volatile int partitions;
    private volatile long commitSequence;

    SinkTaskMetrics(Metrics registry, ConnectorTaskId id, TaskMetrics task, ErrorMetrics errors) {
        this.task = task;
        this.errors = errors;
        this.group = MetricGroup.of(registry, GROUP, "connector", id.connector(), "task",
                String.valueOf(id.task()));
        read = meter("sink-record-read", "Records read from Kafka");
        send = meter("sink-record-send", "Records put into the task (after transformations)");
        putTime = group.sensor("put-batch-time");
        putTime.add(group.metricName("put-batch-max-time-ms", "The longest put of a batch into the task, in ms."),
                new Max());
        putTime.add(group.metricName("put-batch-avg-time-ms", "The mean time to put a batch into the task, in ms."),
                new Avg());
        group.measurable("partition-count", "The topic partitions assigned to the task.",
                now -> partitions);
        group.measurable("offset-commit-seq-no", "The sequence number of the task's latest offset commit.",
                now -> commitSequence);
        commitCompleted = meter("offset-commit-completion", "Offset commits that completed");
        commitSkipped = meter("offset-commit-skip", "Offset commit results ignored because a newer commit followed");
        active = group.sensor("sink-record-active-count");
        active.add(group.metricName("sink-record-active-count", "Records read but whose offsets are not committed yet."),
                new Value());
        active.add(group.metricName("sink-record-active-count-max", "The most records read but not yet committed."),
                new Max());
        active.add(group.metricName("sink-record-active-count-avg", "The mean of records read but not yet committed."),
                new Avg());
    }

    private Sensor meter(String name, String what) {
        Sensor sensor = group.sensor(name);
        sensor.add(group.metricName(name + "-rate", what + " per second."), new Rate());
        sensor.add(group.metricName(name + "-total", what + "."), new CumulativeSum());
        return sensor;
    }

    TaskMetrics task() {
        return task;
    }

    ErrorMetrics errors() {
        return errors;
    }

    void recordRead(int records) {
        read.record(records);
    }

    /** A batch was put into the task. */
    void recordPut(int records, long durationMs) {
        send.record(records);
        putTime.record(durationMs);
        task.recordBatch(records);
    }

    void recordActive(long records) {
        active.record(records);
    }

    void partitionCount(int count) {
        partitions = count;
    }

    /** A commit begins; its sequence number identifies its result. */
    long nextCommit() {
        return ++commitSequence;
    }

    void recordCommitCompleted(long sequence, long durationMs, boolean succeeded) {
        if (sequence != commitSequence) {
            commitSkipped.record();
            return;
        }
        if (succeeded) {
            commitCompleted.record();
        }
        task.recordCommit(durationMs, succeeded);
    }

    @Override
    public void close() {
        group.close();
        task.close();
        errors.close();
    }
}
