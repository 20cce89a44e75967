package io.tributary.connect.herder;

import io.tributary.connect.ManualTime;
import io.tributary.connect.config.StandaloneConfig;
import io.tributary.connect.metrics.ConnectMetrics;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RebalanceMetricsTest {

    private final ManualTime time = new ManualTime(1_000);
    private final ConnectMetrics metrics = new ConnectMetrics("worker:8083", new StandaloneConfig(Map.of(
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.storage.StringConverter",
            "offset.storage.file.filename", "/tmp/unused-offsets",
            "metric.reporters", "")), time, "cluster");
    private final RebalanceMetrics rebalances = new RebalanceMetrics(metrics, () -> "SESSIONED");
    private final RecordingListener herder = new RecordingListener();
    private final GroupMembership.Listener measured = rebalances.measuring(herder);

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void beforeAnyRebalanceNothingIsUnderWayAndNoneCompleted() {
        assertThat(value("rebalancing")).isEqualTo(0.0);
        assertThat(value("completed-rebalances-total")).isEqualTo(0.0);
        assertThat(value("time-since-last-rebalance-ms")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(value("connect-protocol")).isEqualTo("SESSIONED");
    }

    @Test
    void aRebalanceIsUnderWayFromTheJoinUntilTheAssignmentAndItsDurationIsRecorded() {
        measured.onRebalanceStarting();
        assertThat(value("rebalancing")).isEqualTo(1.0);
        time.advance(250);

        measured.onAssigned(assignment(7, false));

        assertThat(value("rebalancing")).isEqualTo(0.0);
        assertThat(value("epoch")).isEqualTo(7.0);
        assertThat(value("leader-name")).isEqualTo("http://leader:8083/");
        assertThat(value("completed-rebalances-total")).isEqualTo(1.0);
        assertThat(value("rebalance-max-time-ms")).isEqualTo(250.0);
        assertThat(value("rebalance-avg-time-ms")).isEqualTo(250.0);
        time.advance(40);
        assertThat(value("time-since-last-rebalance-ms")).isEqualTo(40.0);
        assertThat(herder.assigned).isEqualTo(1);
    }

    @Test
    void aFailedAssignmentLeavesTheRebalanceUnderWay() {
        measured.onRebalanceStarting();

        measured.onAssigned(assignment(3, true));

        assertThat(value("rebalancing")).isEqualTo(1.0);
        assertThat(value("completed-rebalances-total")).isEqualTo(0.0);
    }

    @Test
    void closingRemovesTheGroup() {
        rebalances.close();

        assertThat(metrics.registry().metrics().keySet())
                .noneMatch(name -> name.group().equals(RebalanceMetrics.GROUP));
    }

    private Object value(String name) {
        KafkaMetric metric = metrics.registry().metric(
                metrics.registry().metricName(name, RebalanceMetrics.GROUP, "", Map.of()));
        assertThat(metric).as(name).isNotNull();
        return metric.metricValue();
    }

    private static WorkAssignment assignment(int generation, boolean failed) {
        return new WorkAssignment(generation, "leader", "http://leader:8083/", 0, failed, false, Set.of(), Set.of(), 0);
    }

    private static final class RecordingListener implements GroupMembership.Listener {
        int assigned;

        @Override
        public void onAssigned(WorkAssignment assignment) {
            assigned++;
        }

        @Override
        public void onRevoked(java.util.Collection<String> connectors,
                              java.util.Collection<io.tributary.connect.model.ConnectorTaskId> tasks) {
        }
    }
}
