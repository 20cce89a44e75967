package io.tributary.connect.herder;

import io.tributary.connect.metrics.ConnectMetrics;
import io.tributary.connect.metrics.MetricGroup;
import io.tributary.connect.model.ConnectorTaskId;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.utils.Time;

import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code connect-worker-rebalance-metrics}: this worker's view of the Connect group (protocol, leader,
 * generation) and of its rebalances: whether one is under way, how many completed and how long they took.
 * Written by the herder thread; read by metrics reporters from any thread.
 */
final class RebalanceMetrics implements AutoCloseable {

    static final String GROUP = "connect-worker-rebalance-metrics";
    private static final long NEVER = -1;

    private final Time time;
    private final MetricGroup group;
    private final Sensor completed;
    private final Sensor durations;
    private volatile String leaderUrl;
    private volatile int generation = -1;
    private volatile boolean rebalancing;
    private volatile long startedAtMs = NEVER;
    private volatile long lastCompletedAtMs = NEVER;

    RebalanceMetrics(ConnectMetrics metrics, Supplier<String> protocol) {
        this.time = metrics.time();
        this.group = metrics.group(GROUP, Map.of());
        group.gauge("connect-protocol", "The Connect protocol the group uses.", now -> protocol.get());
        group.gauge("leader-name", "The REST URL of the group's leader.", now -> leaderUrl);
        group.gauge("epoch", "The generation of the group this worker last joined.", now -> (double) generation);
        group.gauge("rebalancing", "1 while a rebalance is under way on this worker, else 0.",
                now -> rebalancing ? 1.0 : 0.0);
        group.gauge("time-since-last-rebalance-ms", "Milliseconds since this worker last completed a rebalance.",
                now -> lastCompletedAtMs == NEVER ? Double.POSITIVE_INFINITY : (double) (now - lastCompletedAtMs));
        completed = group.sensor("completed-rebalances");
        completed.add(group.metricName("completed-rebalances-total",
                "How many rebalances this worker has completed."), new CumulativeCount());
        durations = group.sensor("rebalance-time");
        durations.add(group.metricName("rebalance-max-time-ms",
                "The longest time a recent rebalance took on this worker, in milliseconds."), new Max());
        durations.add(group.metricName("rebalance-avg-time-ms",
                "The mean time recent rebalances took on this worker, in milliseconds."), new Avg());
    }

    /** The worker is about to join the group; a rebalance already under way keeps its start time. */
    void rebalanceStarted() {
        if (!rebalancing) {
            startedAtMs = time.milliseconds();
            rebalancing = true;
        }
    }

    /** The group handed out a generation: its number and leader. */
    void joined(int generation, String leaderUrl) {
        this.generation = generation;
        this.leaderUrl = leaderUrl;
    }

    /** The worker applied its assignment: the rebalance is over. */
    void rebalanceCompleted() {
        long now = time.milliseconds();
        completed.record(1.0, now);
        if (rebalancing) {
            durations.record(now - startedAtMs, now);
        }
        rebalancing = false;
        lastCompletedAtMs = now;
    }

    /** A listener that measures the rebalances it passes on to {@code herder}. */
    GroupMembership.Listener measuring(GroupMembership.Listener herder) {
        return new GroupMembership.Listener() {
            @Override
            public void onRebalanceStarting() {
                rebalanceStarted();
                herder.onRebalanceStarting();
            }

            @Override
            public void onAssigned(WorkAssignment assignment) {
                joined(assignment.generation(), assignment.leaderUrl());
                herder.onAssigned(assignment);
                if (!assignment.failed()) {
                    rebalanceCompleted();
                }
            }

            @Override
            public void onRevoked(Collection<String> connectors, Collection<ConnectorTaskId> tasks) {
                herder.onRevoked(connectors, tasks);
            }
        };
    }

    @Override
    public void close() {
        group.close();
    }
}
