package io.tributary.connect.herder;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

import io.tributary.connect.config.AutoRestartConfig;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.State;
import io.tributary.connect.worker.InstanceStateListener;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tributary's automatic restarts (see {@link AutoRestartConfig}). It hears of the states this worker's instances
 * report, hands them to the herder thread, and there keeps one {@link RestartBackoff} per instance: a FAILED
 * instance whose connector has the feature on gets a restart scheduled after its backoff. When it is due, the
 * herder restarts the instance only if it still failed here and should run; the herder cancels pending restarts
 * whenever a user pauses, stops, restarts or deletes, and when an instance stops being this worker's.
 * Everything but the listener methods runs on the herder thread only.
 */
final class AutoRestarter implements InstanceStateListener {

    private static final Logger log = LoggerFactory.getLogger(AutoRestarter.class);
    /** Our own metric group: Kafka Connect has no automatic restarts. */
    static final String METRIC_GROUP = "tributary-auto-restart-metrics";
    static final String ATTEMPTS_METRIC = "auto-restart-attempts-total";

    /** How the restarter reaches the herder thread. */
    interface HerderThread {

        void execute(Runnable work);

        void schedule(long delayMs, Runnable work);
    }

    /** The herder's part of a due restart, on its thread; each answers false when it did not restart. */
    interface Restarts {

        /** Restarts the connector if it still failed on this worker and its target state is STARTED. */
        boolean restartFailedConnector(String connector);

        /** Restarts the task if it still failed on this worker and its connector's target state is STARTED. */
        boolean restartFailedTask(ConnectorTaskId id);
    }

    /** A connector (task -1) or one of its tasks. */
    private record Instance(String connector, int task) {

        static Instance of(ConnectorTaskId id) {
            return new Instance(id.connector(), id.task());
        }

        boolean isTask() {
            return task >= 0;
        }

        @Override
        public String toString() {
            return isTask() ? "task " + connector + "-" + task : "connector " + connector;
        }
    }

    private static final class Entry {
        final RestartBackoff backoff = new RestartBackoff();
        Object pending;
        Sensor attempts;
    }

    private final AutoRestartConfig.Settings workerSettings;
    private final Function<String, Map<String, String>> connectorConfigs;
    private final HerderThread thread;
    private final Restarts restarts;
    private final Metrics registry;
    private final Time time;
    private final Map<Instance, Entry> entries = new HashMap<>();

    /**
     * @param connectorConfigs a connector's current config, or null when it has none; read on the herder thread
     * @param registry         where each instance's attempts are counted
     */
    AutoRestarter(AutoRestartConfig.Settings workerSettings, Function<String, Map<String, String>> connectorConfigs,
                  HerderThread thread, Restarts restarts, Metrics registry, Time time) {
        this.workerSettings = workerSettings;
        this.connectorConfigs = connectorConfigs;
        this.thread = thread;
        this.restarts = restarts;
        this.registry = registry;
        this.time = time;
    }

    @Override
    public void connectorState(String connector, State state, String version, Throwable failure) {
        thread.execute(() -> onState(new Instance(connector, -1), state, failure));
    }

    @Override
    public void taskState(ConnectorTaskId id, State state, Throwable failure) {
        thread.execute(() -> onState(Instance.of(id), state, failure));
    }

    /**
     * A user paused, stopped or reconfigured the connector: nothing pending for it or its tasks, counts start over.
     */
    void userActedOn(String connector) {
        entries.forEach((instance, entry) -> {
            if (instance.connector().equals(connector)) {
                cancel(instance, entry, "a user paused, stopped or reconfigured its connector");
                entry.backoff.reset();
            }
        });
    }

    /** A user restarted the connector instance (not its tasks): nothing pending for it, its count starts over. */
    void userRestarted(String connector) {
        userRestarted(new Instance(connector, -1));
    }

    /** A user restarted the task: nothing pending for it, its count starts over. */
    void userRestarted(ConnectorTaskId id) {
        userRestarted(Instance.of(id));
    }

    private void userRestarted(Instance instance) {
        Entry entry = entries.get(instance);
        if (entry != null) {
            cancel(instance, entry, "a user restarted it");
            entry.backoff.reset();
        }
    }

    /** The connector was deleted: its instances and their metrics are forgotten. */
    void forget(String connector) {
        entries.keySet().stream().filter(instance -> instance.connector().equals(connector)).toList()
                .forEach(this::forget);
    }

    /** The task no longer runs here (reassigned, removed): it is forgotten. */
    void forget(ConnectorTaskId id) {
        forget(Instance.of(id));
    }

    /** The connector instance no longer runs here; its tasks may. */
    void forgetConnectorInstance(String connector) {
        forget(new Instance(connector, -1));
    }

    private void onState(Instance instance, State state, Throwable failure) {
        switch (state) {
            case RUNNING -> {
                Entry entry = entries.get(instance);
                if (entry != null) {
                    entry.pending = null;
                    entry.backoff.running(time.milliseconds());
                }
            }
            case FAILED -> failed(instance, failure);
            case DESTROYED -> forget(instance);
            default -> {
            }
        }
    }

    private void failed(Instance instance, Throwable failure) {
        Map<String, String> config = connectorConfigs.apply(instance.connector());
        if (config == null) {
            return;
        }
        AutoRestartConfig.Settings settings;
        try {
            settings = AutoRestartConfig.connector(workerSettings, config);
        } catch (ConfigException e) {
            log.error("The {} failed and is not restarted automatically: its connector's {}* settings are invalid "
                    + "({}); fix them or restart it by hand", instance, AutoRestartConfig.PREFIX, e.getMessage());
            return;
        }
        if (!settings.enabled()) {
            return;
        }
        Entry entry = entries.computeIfAbsent(instance, ignored -> new Entry());
        String reason = failure == null ? "no cause given" : String.valueOf(failure);
        OptionalLong delay = entry.backoff.failed(time.milliseconds(), settings);
        if (delay.isEmpty()) {
            entry.pending = null;
            log.error("The {} failed again ({}) after {} automatic restart(s) in a row, the most {} allows; it stays "
                    + "FAILED until a user restarts it (POST /connectors/{}/restart?includeTasks=true&onlyFailed=true)",
                    instance, reason, entry.backoff.attempts(), AutoRestartConfig.MAX_ATTEMPTS_CONFIG,
                    instance.connector());
            return;
        }
        Object token = new Object();
        entry.pending = token;
        int attempt = entry.backoff.attempts();
        log.warn("The {} failed ({}); restarting it automatically in {} ms, attempt {} of {}", instance, reason,
                delay.getAsLong(), attempt, settings.unlimited() ? "unlimited" : settings.maxAttempts());
        thread.schedule(delay.getAsLong(), () -> due(instance, token, attempt));
    }

    private void due(Instance instance, Object token, int attempt) {
        Entry entry = entries.get(instance);
        if (entry == null || entry.pending != token) {
            return; // cancelled, superseded or forgotten meanwhile
        }
        entry.pending = null;
        boolean restarted = instance.isTask()
                ? restarts.restartFailedTask(new ConnectorTaskId(instance.connector(), instance.task()))
                : restarts.restartFailedConnector(instance.connector());
        if (!restarted) {
            log.info("Automatic restart {} of the {} skipped: it no longer failed on this worker, or is not meant "
                    + "to run", attempt, instance);
            return;
        }
        log.info("Restarted the {} automatically (attempt {})", instance, attempt);
        attemptsSensor(instance, entry).record();
    }

    private void cancel(Instance instance, Entry entry, String why) {
        if (entry.pending != null) {
            entry.pending = null;
            log.info("Pending automatic restart of the {} cancelled: {}", instance, why);
        }
    }

    private void forget(Instance instance) {
        Entry entry = entries.remove(instance);
        if (entry != null && entry.attempts != null) {
            registry.removeSensor(sensorName(instance));
        }
    }

    private Sensor attemptsSensor(Instance instance, Entry entry) {
        if (entry.attempts == null) {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("connector", instance.connector());
            if (instance.isTask()) {
                tags.put("task", String.valueOf(instance.task()));
            }
            MetricName name = registry.metricName(ATTEMPTS_METRIC, METRIC_GROUP,
                    "Automatic restarts this worker made of the connector or task since it was assigned here "
                            + "(Tributary only)", tags);
            entry.attempts = registry.sensor(sensorName(instance));
            entry.attempts.add(name, new CumulativeCount());
        }
        return entry.attempts;
    }

    private static String sensorName(Instance instance) {
        return "tributary-auto-restart:" + instance.connector() + ":" + instance.task();
    }
}
