package io.tributary.connect.worker;

import java.util.List;
import java.util.Map;

import io.tributary.connect.ManualTime;
import io.tributary.connect.errors.ErrorMetrics;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.State;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Task metric values that depend on time, on a clock the test moves: ratios, rates and percentages. */
class TaskMetricsClockTest {

    private static final ConnectorTaskId ID = new ConnectorTaskId("clocked", 0);
    private static final Map<String, String> TAGS = Map.of("connector", "clocked", "task", "0");

    private final ManualTime time = new ManualTime();
    // Kafka's defaults: two samples of 30 s.
    private final Metrics registry = new Metrics(new MetricConfig(), List.of(), time);

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void runningAndPauseRatiosAreTheSharesOfTheTasksLifeInEachState() {
        try (TaskMetrics metrics = new TaskMetrics(registry, ID, TestTaskMetrics.PLUGINS, time)) {
            time.sleep(1_000);
            metrics.stateChanged(State.RUNNING);
            time.sleep(3_000);
            metrics.stateChanged(State.PAUSED);
            time.sleep(1_000);

            assertThat(value("connector-task-metrics", "running-ratio")).isCloseTo(0.6, within(1e-9));
            assertThat(value("connector-task-metrics", "pause-ratio")).isCloseTo(0.2, within(1e-9));
            assertThat(registry.metric(name("connector-task-metrics", "status")).metricValue()).isEqualTo("paused");

            metrics.stateChanged(State.RUNNING);
            time.sleep(5_000);
            assertThat(value("connector-task-metrics", "running-ratio")).isCloseTo(0.8, within(1e-9));
            assertThat(value("connector-task-metrics", "pause-ratio")).isCloseTo(0.1, within(1e-9));
        }
    }

    @Test
    void offsetCommitPercentagesAndTimesCountEachCommit() {
        try (TaskMetrics metrics = new TaskMetrics(registry, ID, TestTaskMetrics.PLUGINS, time)) {
            metrics.recordCommit(10, true);
            metrics.recordCommit(20, true);
            metrics.recordCommit(30, true);
            metrics.recordCommit(40, false);

            assertThat(value("connector-task-metrics", "offset-commit-success-percentage")).isEqualTo(0.75);
            assertThat(value("connector-task-metrics", "offset-commit-failure-percentage")).isEqualTo(0.25);
            assertThat(value("connector-task-metrics", "offset-commit-max-time-ms")).isEqualTo(40.0);
            assertThat(value("connector-task-metrics", "offset-commit-avg-time-ms")).isEqualTo(25.0);
        }
    }

    @Test
    void pollRateIsRecordsPerSecondOverTheSampledWindowsAndTheTotalNeverDecays() {
        try (SourceTaskMetrics metrics = new SourceTaskMetrics(registry, ID,
                new TaskMetrics(registry, ID, TestTaskMetrics.PLUGINS, time), new ErrorMetrics(registry, ID, time))) {
            metrics.recordPoll(300, 5);
            // Until a full window has passed, Kafka's rates divide by one window at least: 300 / 30 s.
            assertThat(value("source-task-metrics", "source-record-poll-rate")).isCloseTo(10.0, within(1e-9));

            time.sleep(10_000);
            metrics.recordPoll(300, 15);
            assertThat(value("source-task-metrics", "source-record-poll-rate")).isCloseTo(600.0 / 40, within(1e-9));
            assertThat(value("source-task-metrics", "poll-batch-max-time-ms")).isEqualTo(15.0);
            assertThat(value("source-task-metrics", "poll-batch-avg-time-ms")).isEqualTo(10.0);

            // Both samples expire: the rate falls to nothing, the total stays.
            time.sleep(120_000);
            assertThat(value("source-task-metrics", "source-record-poll-rate")).isZero();
            assertThat(value("source-task-metrics", "source-record-poll-total")).isEqualTo(600.0);
        }
    }

    private double value(String group, String name) {
        return ((Number) registry.metric(name(group, name)).metricValue()).doubleValue();
    }

    private static MetricName name(String group, String name) {
        return new MetricName(name, group, "", TAGS);
    }
}
