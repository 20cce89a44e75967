package io.tributary.connect.herder;

import io.tributary.connect.config.AutoRestartConfig;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.storage.ClusterConfigState;
import io.tributary.connect.worker.Worker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This worker's share of the cluster's work: starts and stops the connectors and tasks the group assigned
 * it, with the configs of the current config snapshot, and keeps them in line as configs, target states and
 * restart requests arrive. Lives on the herder thread; connector code runs on the Worker's threads. Its own
 * failed instances are restarted here, by this worker, when automatic restarts are on ({@link AutoRestarter}).
 */
final class ClusterWork implements AutoRestarter.Restarts {

    private static final Logger log = LoggerFactory.getLogger(ClusterWork.class);
    /**
     * How long to wait before trying again to publish task configs (the leader was unreachable, or refused a
     * signature made with a key it had just replaced): as in Kafka Connect, from 250 ms, doubling to 60 s.
     */
    static final long TASK_CONFIG_RETRY_INITIAL_MS = 250;
    static final long TASK_CONFIG_RETRY_MAX_MS = 60_000;

    private final Worker worker;
    private final Supplier<ClusterConfigState> configs;
    private final HerderLoop loop;
    private final ConnectorStatusReader statuses;
    /** Hands freshly generated task configs to the leader (directly or over REST). */
    private final BiFunction<String, List<Map<String, String>>, CompletableFuture<Void>> publishTaskConfigs;
    private Set<String> connectors = new HashSet<>();
    private Set<ConnectorTaskId> tasks = new HashSet<>();
    // The configs each running instance was started with, to tell which ones a config change affects.
    private final Map<String, Map<String, String>> connectorConfigsInUse = new HashMap<>();
    private final Map<ConnectorTaskId, List<Map<String, String>>> taskConfigsInUse = new HashMap<>();
    private final AutoRestarter autoRestarts;
    /** The next wait before publishing a connector's task configs again, for connectors whose last try failed. */
    private final Map<String, Long> publishRetryMs = new HashMap<>();
    /** The checks of exactly-once source tasks; null while source tasks run at least once. */
    private ExactlyOnceTaskChecks exactlyOnce;

    ClusterWork(Worker worker, Supplier<ClusterConfigState> configs, HerderLoop loop, ConnectorStatusReader statuses,
                BiFunction<String, List<Map<String, String>>, CompletableFuture<Void>> publishTaskConfigs,
                AutoRestartConfig.Settings autoRestart, Metrics registry, Time time) {
        this.worker = worker;
        this.configs = configs;
        this.loop = loop;
        this.statuses = statuses;
        this.publishTaskConfigs = publishTaskConfigs;
        this.autoRestarts = new AutoRestarter(autoRestart, connector -> configs.get().connectorConfig(connector),
                new AutoRestarter.HerderThread() {
                    @Override
                    public void execute(Runnable work) {
                        loop.execute(work);
                    }

                    @Override
                    public void schedule(long delayMs, Runnable work) {
                        // Due restarts wait, like requests, until the worker is in sync with its group.
                        loop.schedule(delayMs, () -> loop.execute(work));
                    }
                }, this, registry, time);
    }

    /** From now on source tasks run exactly once (exactly.once.source.support=enabled), with these checks. */
    void runSourceTasksExactlyOnce(ExactlyOnceTaskChecks checks) {
        this.exactlyOnce = checks;
    }

    /** Hears of this worker's instance states, to restart failed ones when asked to. */
    AutoRestarter autoRestarts() {
        return autoRestarts;
    }

    Set<String> connectors() {
        return Set.copyOf(connectors);
    }

    Set<ConnectorTaskId> tasks() {
        return Set.copyOf(tasks);
    }

    /** Runs exactly the given share: stops what is no longer in it, starts what is new. */
    void assign(Collection<String> newConnectors, Collection<ConnectorTaskId> newTasks) {
        Set<String> dropConnectors = new HashSet<>(connectors);
        dropConnectors.removeAll(newConnectors);
        Set<ConnectorTaskId> dropTasks = new HashSet<>(tasks);
        dropTasks.removeAll(newTasks);
        revoke(dropConnectors, dropTasks);
        ClusterConfigState snapshot = configs.get();
        for (String connector : newConnectors) {
            if (connectors.add(connector)) {
                startConnector(connector, snapshot);
            }
        }
        for (ConnectorTaskId task : newTasks) {
            if (tasks.add(task)) {
                startTask(task, snapshot);
            }
        }
    }

    void revoke(Collection<String> oldConnectors, Collection<ConnectorTaskId> oldTasks) {
        List<ConnectorTaskId> stopping = oldTasks.stream().filter(tasks::remove).toList();
        worker.stopAndAwaitTasks(stopping);
        stopping.forEach(taskConfigsInUse::remove);
        stopping.forEach(autoRestarts::forget);
        List<String> stoppingConnectors = oldConnectors.stream().filter(connectors::remove).toList();
        worker.stopAndAwaitConnectors(stoppingConnectors);
        stoppingConnectors.forEach(connectorConfigsInUse::remove);
        stoppingConnectors.forEach(autoRestarts::forgetConnectorInstance);
    }

    void stopAll() {
        revoke(new ArrayList<>(connectors), new ArrayList<>(tasks));
    }

    /** A connector's config changed: restart it here with the new config, which regenerates its tasks. */
    void connectorConfigChanged(String connector) {
        ClusterConfigState snapshot = configs.get();
        if (!connectors.contains(connector)
                || Objects.equals(connectorConfigsInUse.get(connector), snapshot.connectorConfig(connector))) {
            return;
        }
        autoRestarts.userActedOn(connector);
        worker.stopAndAwaitConnector(connector);
        connectorConfigsInUse.remove(connector);
        startConnector(connector, snapshot);
    }

    /** A deleted connector: its instances here stop and report themselves gone. */
    void connectorRemoved(String connector) {
        List<ConnectorTaskId> ownTasks = tasks.stream().filter(id -> id.connector().equals(connector)).toList();
        boolean ownConnector = connectors.contains(connector);
        revoke(ownConnector ? List.of(connector) : List.of(), ownTasks);
        worker.reportDestroyed(ownConnector ? connector : null, ownTasks);
        autoRestarts.forget(connector);
        publishRetryMs.remove(connector);
    }

    /** New task configs were committed: tasks here whose config (or connector config) changed restart. */
    void taskConfigsChanged(String connector) {
        ClusterConfigState snapshot = configs.get();
        List<ConnectorTaskId> changed = tasks.stream()
                .filter(id -> id.connector().equals(connector))
                .filter(id -> !Objects.equals(taskConfigsInUse.get(id), configsOf(id, snapshot)))
                .toList();
        worker.stopAndAwaitTasks(changed);
        changed.forEach(taskConfigsInUse::remove);
        // Tasks that no longer exist (stopped connector, fewer tasks) leave no status behind, as in standalone.
        worker.reportDestroyed(null, changed.stream().filter(id -> configsOf(id, snapshot) == null).toList());
        changed.forEach(id -> startTask(id, snapshot));
    }

    /** Pause, resume or stop: instances here follow; a connector that starts again regenerates its tasks. */
    void targetStateChanged(String connector) {
        ClusterConfigState snapshot = configs.get();
        TargetState target = snapshot.targetState(connector);
        if (target == null) {
            return;
        }
        if (target != TargetState.STARTED) {
            autoRestarts.userActedOn(connector);
        }
        if (target == TargetState.STOPPED) {
            List<ConnectorTaskId> ownTasks = tasks.stream().filter(id -> id.connector().equals(connector)).toList();
            worker.stopAndAwaitTasks(ownTasks);
            ownTasks.forEach(taskConfigsInUse::remove);
        }
        if (!connectors.contains(connector) && tasks.stream().noneMatch(id -> id.connector().equals(connector))) {
            return;
        }
        worker.setConnectorTargetState(connector, target).thenRun(() -> loop.execute(() -> {
            if (target == TargetState.STARTED) {
                reconfigureTasks(connector);
            }
        }));
    }

    /** The part of a restart request that concerns this worker's instances. */
    void restart(RestartRequest request) {
        String connector = request.connectorName();
        ClusterConfigState snapshot = configs.get();
        if (!snapshot.contains(connector)) {
            return;
        }
        ConnectorStateInfo current;
        try {
            current = statuses.connectorStatus(connector);
        } catch (RuntimeException noStatusYet) {
            return;
        }
        RestartPlan plan = RestartPlan.of(request, current);
        List<ConnectorTaskId> ownTasks = plan.tasks().stream().filter(tasks::contains).toList();
        ownTasks.forEach(autoRestarts::userRestarted);
        if (plan.restartConnector() && connectors.contains(connector)) {
            autoRestarts.userRestarted(connector);
            worker.reportRestarting(connector, current.connector().version());
            worker.stopAndAwaitConnector(connector);
            connectorConfigsInUse.remove(connector);
            startConnector(connector, snapshot);
        }
        ownTasks.forEach(id -> worker.reportTaskRestarting(id, null));
        worker.stopAndAwaitTasks(ownTasks);
        ownTasks.forEach(taskConfigsInUse::remove);
        ownTasks.forEach(id -> startTask(id, snapshot));
    }

    /** A user's plain restart of a connector running here: stopped, then started with its current config. */
    void restartConnector(String connector) {
        autoRestarts.userRestarted(connector);
        startConnectorAgain(connector, configs.get());
    }

    /** A user's restart of one task running here, with its current config. */
    void restartTask(ConnectorTaskId id) {
        autoRestarts.userRestarted(id);
        startTaskAgain(id);
    }

    /** A due automatic restart: only of a task still this worker's, still failed, whose connector should run. */
    @Override
    public boolean restartFailedTask(ConnectorTaskId id) {
        if (!tasks.contains(id) || configs.get().targetState(id.connector()) != TargetState.STARTED
                || !worker.isTaskFailed(id)) {
            return false;
        }
        startTaskAgain(id);
        return true;
    }

    /** A due automatic restart: only of a connector still this worker's, still failed and meant to run. */
    @Override
    public boolean restartFailedConnector(String connector) {
        ClusterConfigState snapshot = configs.get();
        if (!connectors.contains(connector) || snapshot.targetState(connector) != TargetState.STARTED
                || !worker.isConnectorFailed(connector)) {
            return false;
        }
        startConnectorAgain(connector, snapshot);
        return true;
    }

    private void startConnectorAgain(String connector, ClusterConfigState snapshot) {
        worker.stopAndAwaitConnector(connector);
        connectorConfigsInUse.remove(connector);
        startConnector(connector, snapshot);
    }

    private void startTaskAgain(ConnectorTaskId id) {
        worker.stopAndAwaitTasks(List.of(id));
        taskConfigsInUse.remove(id);
        startTask(id, configs.get());
    }

    /** Asks the connector (if it runs here) for fresh task configs and publishes them if they changed. */
    void reconfigureTasks(String connector) {
        ClusterConfigState snapshot = configs.get();
        Map<String, String> config = snapshot.connectorConfig(connector);
        if (!connectors.contains(connector) || config == null
                || snapshot.targetState(connector) != TargetState.STARTED || !worker.isConnectorRunning(connector)) {
            return;
        }
        worker.connectorTaskConfigs(connector, config).whenComplete((generated, error) -> loop.execute(() -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                log.error("Connector {} could not generate its task configurations", connector, cause);
                worker.reportConnectorFailed(connector, cause);
            } else if (connectors.contains(connector)) {
                publish(connector, config, generated);
            }
        }));
    }

    private void publish(String connector, Map<String, String> config, List<Map<String, String>> generated) {
        ClusterConfigState snapshot = configs.get();
        if (!config.equals(snapshot.connectorConfig(connector))) {
            return; // superseded: the restart with the newer config generates again
        }
        publishTaskConfigs.apply(connector, generated).whenComplete((ignored, error) -> loop.execute(() -> {
            if (error == null) {
                publishRetryMs.remove(connector);
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            long retryMs = publishRetryMs.getOrDefault(connector, TASK_CONFIG_RETRY_INITIAL_MS);
            publishRetryMs.put(connector, Math.min(retryMs * 2, TASK_CONFIG_RETRY_MAX_MS));
            if (cause instanceof LeaderAnswerException answer && answer.status() == 403) {
                // Usual right after the leader rotated the session key: the retry signs with the new one.
                log.info("The leader refused the signature on the task configs of connector {} ({}), probably made "
                        + "with a session key it has just replaced; retrying in {} ms. If this repeats, check that "
                        + "all workers use the same config topic.", connector, cause.getMessage(), retryMs);
            } else {
                // An error, as Kafka Connect logs it: until it succeeds the connector's tasks run stale configs.
                log.error("Could not hand the task configs of connector {} to the leader ({}); retrying in {} ms",
                        connector, cause.getMessage(), retryMs);
            }
            loop.schedule(retryMs, () -> reconfigureTasks(connector));
        }));
    }

    private void startConnector(String connector, ClusterConfigState snapshot) {
        Map<String, String> config = snapshot.connectorConfig(connector);
        if (config == null) {
            return;
        }
        TargetState target = snapshot.targetState(connector);
        connectorConfigsInUse.put(connector, config);
        log.info("Starting connector {} (target state {})", connector, target);
        worker.startConnector(connector, config, target, this::requestReconfiguration)
                .whenComplete((ignored, error) -> loop.execute(() -> reconfigureTasks(connector)));
    }

    private void requestReconfiguration(String connector) {
        loop.execute(() -> reconfigureTasks(connector));
    }

    private void startTask(ConnectorTaskId id, ClusterConfigState snapshot) {
        List<Map<String, String>> used = configsOf(id, snapshot);
        if (used == null) {
            log.debug("Task {} is assigned here but has no committed config in this snapshot", id);
            return;
        }
        taskConfigsInUse.put(id, used);
        log.info("Starting task {}", id);
        if (runsExactlyOnce(used.get(0))) {
            worker.startExactlyOnceSourceTask(id, used.get(0), used.get(1), snapshot.targetState(id.connector()),
                    exactlyOnce.forTask(id, snapshot));
            return;
        }
        worker.startTask(id, used.get(0), used.get(1), snapshot.targetState(id.connector()));
    }

    /** Source tasks do with exactly-once support on; a connector class that cannot load fails as any task would. */
    private boolean runsExactlyOnce(Map<String, String> connectorConfig) {
        if (exactlyOnce == null) {
            return false;
        }
        try {
            return !worker.isSinkConnector(connectorConfig);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The connector config and task config a task runs with, or null when it has none. */
    private static List<Map<String, String>> configsOf(ConnectorTaskId id, ClusterConfigState snapshot) {
        Map<String, String> connectorConfig = snapshot.connectorConfig(id.connector());
        Map<String, String> taskConfig = snapshot.taskConfig(id);
        if (connectorConfig == null || taskConfig == null || !snapshot.tasks(id.connector()).contains(id)) {
            return null;
        }
        return List.of(connectorConfig, taskConfig);
    }
}
