package io.tributary.connect.worker;

import io.tributary.connect.metrics.ConnectMetrics;
import io.tributary.connect.metrics.MetricGroup;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.State;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.Frequencies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * {@code connect-worker-metrics}: how much this worker runs and how its connector and task starts went, and,
 * tagged with {@code connector=<name>} for each connector with tasks here, how many of those tasks are in each
 * state, as this worker last reported them.
 */
final class WorkerMetrics implements AutoCloseable {

    static final String GROUP = "connect-worker-metrics";
    private static final double SUCCEEDED = 1.0;
    private static final double FAILED = 0.0;

    private final ConnectMetrics metrics;
    private final MetricGroup worker;
    private final StartupSensors<String> connectorStarts;
    private final StartupSensors<ConnectorTaskId> taskStarts;
    /** The tasks on this worker, by connector, with the state last reported for each. */
    private final Map<String, ConnectorTasks> tasksByConnector = new ConcurrentHashMap<>();

    WorkerMetrics(ConnectMetrics metrics, IntSupplier connectorCount, IntSupplier taskCount) {
        this.metrics = metrics;
        this.worker = metrics.group(GROUP, Map.of());
        worker.gauge("connector-count", "How many connectors this worker runs.", now -> (double) connectorCount.getAsInt());
        worker.gauge("task-count", "How many tasks this worker runs.", now -> (double) taskCount.getAsInt());
        this.connectorStarts = new StartupSensors<>(worker, "connector");
        this.taskStarts = new StartupSensors<>(worker, "task");
    }

    /** The worker begins to start the connector; the first RUNNING or FAILED it reports decides how it went. */
    void connectorStartAttempted(String connector) {
        connectorStarts.attempted(connector);
    }

    /** Follows the state this worker reported for one of its connectors. */
    void connectorState(String connector, State state) {
        connectorStarts.outcome(connector, state);
    }

    void connectorRemoved(String connector) {
        connectorStarts.forget(connector);
    }

    /** The worker begins to start the task; the first RUNNING or FAILED it reports decides how it went. */
    void taskStartAttempted(ConnectorTaskId id) {
        taskStarts.attempted(id);
    }

    /** The task now runs on this worker; its connector gets per-state task counts if it had none. */
    void taskAdded(ConnectorTaskId id) {
        tasksByConnector.computeIfAbsent(id.connector(), name -> new ConnectorTasks(metrics, name))
                .states.put(id, State.UNASSIGNED);
    }

    /** Follows the state this worker reported for one of its tasks. */
    void taskState(ConnectorTaskId id, State state) {
        taskStarts.outcome(id, state);
        ConnectorTasks tasks = tasksByConnector.get(id.connector());
        if (tasks != null) {
            tasks.states.computeIfPresent(id, (key, previous) -> state);
        }
    }

    /** The task left this worker; the counts of a connector with no tasks left here go away. */
    void taskRemoved(ConnectorTaskId id) {
        taskStarts.forget(id);
        tasksByConnector.computeIfPresent(id.connector(), (name, tasks) -> {
            tasks.states.remove(id);
            if (tasks.states.isEmpty()) {
                tasks.group.close();
                return null;
            }
            return tasks;
        });
    }

    @Override
    public void close() {
        tasksByConnector.values().forEach(tasks -> tasks.group.close());
        tasksByConnector.clear();
        worker.close();
    }

    /**
     * Attempts, successes and failures of starting connectors or tasks, as totals and shares of the recent ones.
     * As in Kafka Connect, a start succeeded once the instance reports RUNNING and failed if it reports FAILED
     * first (its class could not be created, or its start threw); one that starts paused or stopped is decided
     * when it first runs.
     */
    private static final class StartupSensors<K> {
        /** Instances whose start was attempted and is not decided yet. */
        private final Set<K> undecided = ConcurrentHashMap.newKeySet();
        private final Sensor attempts;
        private final Sensor successes;
        private final Sensor failures;
        private final Sensor results;

        StartupSensors(MetricGroup group, String what) {
            attempts = group.sensor(what + "-startup-attempts");
            attempts.add(group.metricName(what + "-startup-attempts-total",
                    "How many times this worker tried to start a " + what + "."), new CumulativeCount());
            successes = group.sensor(what + "-startup-successes");
            successes.add(group.metricName(what + "-startup-success-total",
                    "How many " + what + " starts on this worker succeeded."), new CumulativeCount());
            failures = group.sensor(what + "-startup-failures");
            failures.add(group.metricName(what + "-startup-failure-total",
                    "How many " + what + " starts on this worker failed."), new CumulativeCount());
            results = group.sensor(what + "-startup-results");
            results.add(Frequencies.forBooleanValues(
                    group.metricName(what + "-startup-failure-percentage",
                            "The share of recent " + what + " starts on this worker that failed."),
                    group.metricName(what + "-startup-success-percentage",
                            "The share of recent " + what + " starts on this worker that succeeded.")));
        }

        void attempted(K instance) {
            attempts.record();
            undecided.add(instance);
        }

        void outcome(K instance, State state) {
            if ((state == State.RUNNING || state == State.FAILED) && undecided.remove(instance)) {
                boolean succeeded = state == State.RUNNING;
                (succeeded ? successes : failures).record();
                results.record(succeeded ? SUCCEEDED : FAILED);
            }
        }

        void forget(K instance) {
            undecided.remove(instance);
        }
    }

    /** The per-state task counts of one connector on this worker. */
    private static final class ConnectorTasks {
        /** The states counted, as Kafka Connect counts them (a task is never reported stopped). */
        private static final List<State> COUNTED_STATES = List.of(State.RUNNING, State.PAUSED, State.FAILED,
                State.UNASSIGNED, State.DESTROYED, State.RESTARTING);

        final Map<ConnectorTaskId, State> states = new ConcurrentHashMap<>();
        final MetricGroup group;

        ConnectorTasks(ConnectMetrics metrics, String connector) {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("connector", connector);
            group = metrics.group(GROUP, tags);
            group.gauge("connector-total-task-count", "How many tasks of the connector run on this worker.",
                    now -> (long) states.size());
            for (State state : COUNTED_STATES) {
                String name = state.name().toLowerCase(Locale.ROOT);
                group.gauge("connector-" + name + "-task-count",
                        "How many tasks of the connector on this worker are " + name + ".",
                        now -> states.values().stream().filter(s -> s == state).count());
            }
        }
    }
}
