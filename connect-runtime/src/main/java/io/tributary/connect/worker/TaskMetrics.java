package io.tributary.connect.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tributary.connect.metrics.MetricGroup;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.State;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.Frequencies;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.utils.Time;

/**
 * A task's {@code connector-task-metrics}: its status and the share of its life spent running and paused,
 * offset commits (time, success and failure percentages), batch sizes, and the classes and versions of the
 * connector, task and converters it runs with.
 */
final class TaskMetrics implements AutoCloseable {

    static final String GROUP = "connector-task-metrics";
    static final String TRANSFORM_GROUP = "connector-transform-metrics";
    static final String PREDICATE_GROUP = "connector-predicate-metrics";

    /** The plugins a task runs with, as the metrics name them. */
    record PluginInfo(String connectorClass, String connectorVersion, String connectorType, String taskClass,
                      String taskVersion, String keyConverterClass, String keyConverterVersion,
                      String valueConverterClass, String valueConverterVersion, String headerConverterClass,
                      String headerConverterVersion, List<AliasedPlugin> transformations,
                      List<AliasedPlugin> predicates) {
    }

    private final MetricGroup group;
    /** One {@code connector-transform-metrics} group per transformation, one predicate group per predicate. */
    private final List<MetricGroup> pluginGroups = new ArrayList<>();
    private final Time time;
    private final Sensor commitTime;
    private final Sensor commitResult;
    private final Sensor batchSize;
    private final long createdMs;
    /** Guarded by this: the current state, since when, and the time spent running and paused before that. */
    private State state = State.UNASSIGNED;
    private long stateSinceMs;
    private long runningMs;
    private long pausedMs;

    TaskMetrics(Metrics registry, ConnectorTaskId id, PluginInfo plugins, Time time) {
        this.group = MetricGroup.of(registry, GROUP, "connector", id.connector(), "task",
                String.valueOf(id.task()));
        this.time = time;
        this.createdMs = time.milliseconds();
        this.stateSinceMs = createdMs;
        group.gauge("status", "The task's status: unassigned, running, paused, failed or restarting.",
                now -> currentState().toString().toLowerCase(Locale.ROOT));
        group.measurable("running-ratio", "The share of the task's life on this worker spent running.",
                now -> ratio(State.RUNNING, now));
        group.measurable("pause-ratio", "The share of the task's life on this worker spent paused.",
                now -> ratio(State.PAUSED, now));
        commitTime = group.sensor("offset-commit-time");
        commitTime.add(group.metricName("offset-commit-max-time-ms", "The longest offset commit, in milliseconds."),
                new Max());
        commitTime.add(group.metricName("offset-commit-avg-time-ms", "The mean offset commit time, in milliseconds."),
                new Avg());
        commitResult = group.sensor("offset-commit-result");
        commitResult.add(Frequencies.forBooleanValues(
                group.metricName("offset-commit-failure-percentage", "The share of offset commits that failed."),
                group.metricName("offset-commit-success-percentage", "The share of offset commits that succeeded.")));
        batchSize = group.sensor("batch-size");
        batchSize.add(group.metricName("batch-size-max", "The largest batch of records the task handled."), new Max());
        batchSize.add(group.metricName("batch-size-avg", "The mean size of the batches the task handled."), new Avg());
        group.constant("connector-class", "The connector's class.", plugins.connectorClass());
        group.constant("connector-version", "The connector's version.", plugins.connectorVersion());
        group.constant("connector-type", "The connector's type: source or sink.", plugins.connectorType());
        group.constant("task-class", "The task's class.", plugins.taskClass());
        group.constant("task-version", "The task's version.", plugins.taskVersion());
        group.constant("key-converter-class", "The key converter's class.", plugins.keyConverterClass());
        group.constant("key-converter-version", "The key converter's version.", plugins.keyConverterVersion());
        group.constant("value-converter-class", "The value converter's class.", plugins.valueConverterClass());
        group.constant("value-converter-version", "The value converter's version.",
                plugins.valueConverterVersion());
        group.constant("header-converter-class", "The header converter's class.", plugins.headerConverterClass());
        group.constant("header-converter-version", "The header converter's version.",
                plugins.headerConverterVersion());
        plugins.transformations().forEach(transform -> describe(registry, id, TRANSFORM_GROUP, "transform",
                transform, "transform", "transformation"));
        plugins.predicates().forEach(predicate -> describe(registry, id, PREDICATE_GROUP, "predicate",
                predicate, "predicate", "predicate"));
    }

    private void describe(Metrics registry, ConnectorTaskId id, String groupName, String tag, AliasedPlugin plugin,
                          String attributePrefix, String what) {
        MetricGroup pluginGroup = MetricGroup.of(registry, groupName, "connector", id.connector(), "task",
                String.valueOf(id.task()), tag, plugin.alias());
        pluginGroup.constant(attributePrefix + "-class", "The class of the " + what + ".", plugin.className());
        pluginGroup.constant(attributePrefix + "-version", "The version of the " + what + ".", plugin.version());
        pluginGroups.add(pluginGroup);
    }

    synchronized void stateChanged(State newState) {
        long now = time.milliseconds();
        addElapsed(now);
        state = newState;
        stateSinceMs = now;
    }

    private void addElapsed(long now) {
        long elapsed = Math.max(0, now - stateSinceMs);
        if (state == State.RUNNING) {
            runningMs += elapsed;
        } else if (state == State.PAUSED) {
            pausedMs += elapsed;
        }
    }

    synchronized State currentState() {
        return state;
    }

    private synchronized double ratio(State of, long now) {
        long lifetime = now - createdMs;
        if (lifetime <= 0) {
            return 0;
        }
        long inState = of == State.RUNNING ? runningMs : pausedMs;
        if (state == of) {
            inState += Math.max(0, now - stateSinceMs);
        }
        return Math.min(1.0, (double) inState / lifetime);
    }

    void recordCommit(long durationMs, boolean succeeded) {
        commitTime.record(durationMs);
        commitResult.record(succeeded ? 1.0 : 0.0);
    }

    void recordBatch(int size) {
        batchSize.record(size);
    }

    @Override
    public void close() {
        group.close();
        pluginGroups.forEach(MetricGroup::close);
    }
}
