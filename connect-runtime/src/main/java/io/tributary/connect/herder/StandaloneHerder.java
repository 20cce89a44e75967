package io.tributary.connect.herder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.tributary.connect.model.ConnectorInfo;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.ConnectorType;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.model.TaskInfo;
import io.tributary.connect.model.ConfigInfos;
import io.tributary.connect.model.ConfigKeyInfo;
import io.tributary.connect.model.ConnectorOffsets;
import io.tributary.connect.model.Message;
import io.tributary.connect.status.StatusStore;
import io.tributary.connect.worker.Worker;
import org.apache.kafka.connect.errors.AlreadyExistsException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The herder of a standalone worker. Connector configurations, task configurations and target states
 * live in memory and belong to one herder thread: every request is queued onto it and answered
 * through a future. Work that waits on connector code is chained onto futures rather than blocking
 * that thread; only stopping tasks waits, bounded by task.shutdown.graceful.timeout.ms.
 */
public final class StandaloneHerder implements Herder {

    private static final Logger log = LoggerFactory.getLogger(StandaloneHerder.class);

    private final Worker worker;
    private final StatusStore statusStore;
    private final PluginRequests pluginRequests;
    private final ConnectorStatusReader statuses;
    private final ScheduledThreadPoolExecutor herderThread;
    private final AutoRestarter autoRestarts;
    private final Map<String, ConnectorState> connectors = new LinkedHashMap<>();
    // Statuses are read from REST threads; the type is the only configuration fact they need.
    private final Map<String, ConnectorType> types = new ConcurrentHashMap<>();
    private volatile boolean ready;

    public StandaloneHerder(Worker worker) {
        this.worker = worker;
        this.statusStore = worker.statusStore();
        this.pluginRequests = new PluginRequests(worker);
        this.statuses = new ConnectorStatusReader(statusStore,
                connector -> types.getOrDefault(connector, ConnectorType.UNKNOWN));
        this.herderThread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "standalone-herder");
            thread.setDaemon(true);
            return thread;
        });
        // Delayed work is automatic restarts: none may run once the herder stops.
        herderThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.autoRestarts = new AutoRestarter(worker.config().autoRestart(),
                connector -> connectors.containsKey(connector) ? connectors.get(connector).config : null,
                new AutoRestarter.HerderThread() {
                    @Override
                    public void execute(Runnable work) {
                        try {
                            herderThread.execute(work);
                        } catch (RejectedExecutionException stopped) {
                            log.debug("Herder stopped; dropping automatic restart work");
                        }
                    }

                    @Override
                    public void schedule(long delayMs, Runnable work) {
                        try {
                            herderThread.schedule(work, delayMs, TimeUnit.MILLISECONDS);
                        } catch (RejectedExecutionException stopped) {
                            log.debug("Herder stopped; dropping automatic restart work");
                        }
                    }
                },
                new AutoRestarts(), worker.metrics().registry(), worker.time());
    }

    @Override
    public void start() {
        worker.listenToInstanceStates(autoRestarts);
        worker.start();
        ready = true;
        log.info("Standalone herder started on worker {}", worker.workerId());
    }

    /** Stops every connector and task (committing offsets), then the worker; returns when done. */
    @Override
    public void stop() {
        ready = false;
        try {
            submit(() -> {
                for (String name : new ArrayList<>(connectors.keySet())) {
                    worker.stopAndAwaitTasks(name);
                    worker.stopAndAwaitConnector(name);
                }
                return null;
            }).get();
        } catch (Exception e) {
            log.error("Could not stop every connector cleanly", e);
        }
        herderThread.shutdown();
        try {
            herderThread.awaitTermination(worker.config().taskShutdownTimeout(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.stop();
        log.info("Standalone herder stopped");
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public CompletableFuture<Void> healthCheck() {
        return submit(() -> null);
    }

    @Override
    public String workerId() {
        return worker.workerId();
    }

    @Override
    public String kafkaClusterId() {
        return worker.kafkaClusterId();
    }

    @Override
    public CompletableFuture<Collection<String>> connectors() {
        return submit(() -> List.copyOf(connectors.keySet()));
    }

    @Override
    public CompletableFuture<ConnectorInfo> connectorInfo(String connector) {
        return submit(() -> info(connector, existing(connector)));
    }

    @Override
    public CompletableFuture<Map<String, String>> connectorConfig(String connector) {
        return submit(() -> new HashMap<>(existing(connector).config));
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(RequestContext context, String connector, Map<String, String> config,
                                                                        TargetState initialState,
                                                                        boolean allowReplace) {
        return pluginRequests.validateForWrite(connector, config)
                .thenCompose(type -> submitAndChain(() -> put(connector, config, type, initialState, allowReplace)));
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> patchConnectorConfig(RequestContext context, String connector,
                                                                          Map<String, String> patch) {
        return submit(() -> existing(connector).config).thenCompose(base -> {
            Map<String, String> patched = ClusterWrites.patched(base, patch);
            return pluginRequests.validateForWrite(connector, patched).thenCompose(type -> submitAndChain(() -> {
                // Validated off the herder thread: if the connector changed meanwhile, patch its new config.
                if (existing(connector).config != base) {
                    return patchConnectorConfig(context, connector, patch);
                }
                return put(connector, patched, type, null, true);
            }));
        });
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> deleteConnectorConfig(RequestContext context, String connector) {
        return submit(() -> {
            ConnectorState state = existing(connector);
            ConnectorInfo info = info(connector, state);
            worker.stopAndAwaitTasks(connector);
            worker.stopAndAwaitConnector(connector);
            worker.reportDestroyed(connector, taskIds(connector, state.taskConfigs.size()));
            autoRestarts.forget(connector);
            connectors.remove(connector);
            types.remove(connector);
            log.info("Connector {} deleted; its source offsets are kept", connector);
            return new Created<>(false, info);
        });
    }

    @Override
    public CompletableFuture<List<TaskInfo>> taskConfigs(String connector) {
        return submit(() -> {
            ConnectorState state = existing(connector);
            List<TaskInfo> tasks = new ArrayList<>();
            for (int i = 0; i < state.taskConfigs.size(); i++) {
                tasks.add(new TaskInfo(new ConnectorTaskId(connector, i), state.taskConfigs.get(i)));
            }
            return tasks;
        });
    }

    @Override
    public void requestTaskReconfiguration(String connector) {
        herderThread.execute(() -> {
            ConnectorState state = connectors.get(connector);
            if (state != null) {
                updateTasks(connector, state);
            }
        });
    }

    @Override
    public ConnectorStateInfo connectorStatus(String connector) {
        return statuses.connectorStatus(connector);
    }

    @Override
    public ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id) {
        return statuses.taskStatus(id);
    }

    @Override
    public CompletableFuture<Void> restartConnector(RequestContext context, String connector) {
        return submitAndChain(() -> {
            // Apache 4.1.1 answers this with a 500 carrying a NullPointerException message; a missing
            // connector is a 404 like every other not-found answer.
            ConnectorState state = existing(connector);
            autoRestarts.userRestarted(connector);
            worker.stopAndAwaitConnector(connector);
            return startConnector(connector, state);
        });
    }

    @Override
    public CompletableFuture<Void> restartTask(RequestContext context, ConnectorTaskId id) {
        return submit(() -> {
            ConnectorState state = connectors.get(id.connector());
            if (state == null) {
                throw new NotFoundException("Connector " + id.connector() + " not found");
            }
            if (id.task() < 0 || id.task() >= state.taskConfigs.size()) {
                throw new NotFoundException("Task " + id + " not found");
            }
            autoRestarts.userRestarted(id);
            worker.stopAndAwaitTasks(List.of(id));
            worker.startTask(id, state.config, state.taskConfigs.get(id.task()), state.target);
            return null;
        });
    }

    @Override
    public CompletableFuture<ConnectorStateInfo> restartConnectorAndTasks(RequestContext context, RestartRequest request) {
        String connector = request.connectorName();
        return submitAndChain(() -> {
            ConnectorState state = connectors.get(connector);
            if (state == null) {
                throw new NotFoundException("Unknown connector: " + connector);
            }
            RestartPlan plan = RestartPlan.of(request, connectorStatus(connector));
            if (plan.restartConnector()) {
                autoRestarts.userRestarted(connector);
            }
            plan.tasks().forEach(autoRestarts::userRestarted);
            if (plan.restartConnector()) {
                worker.reportRestarting(connector, plan.answer().connector().version());
            }
            plan.answer().tasks().stream()
                    .filter(task -> plan.tasks().contains(new ConnectorTaskId(connector, task.id())))
                    .forEach(task -> worker.reportTaskRestarting(new ConnectorTaskId(connector, task.id()),
                            task.version()));
            worker.stopAndAwaitTasks(plan.tasks());
            CompletableFuture<Void> connectorRestarted = CompletableFuture.completedFuture(null);
            if (plan.restartConnector()) {
                worker.stopAndAwaitConnector(connector);
                connectorRestarted = startConnector(connector, state);
            }
            return connectorRestarted.thenApplyAsync(ignored -> {
                startTasksNotRunning(connector, state, plan.tasks());
                return plan.answer();
            }, herderThread);
        });
    }

    @Override
    public CompletableFuture<Void> pauseConnector(String connector) {
        return submitAndChain(() -> {
            ConnectorState state = known(connector);
            autoRestarts.userActedOn(connector);
            state.target = TargetState.PAUSED;
            return worker.setConnectorTargetState(connector, TargetState.PAUSED);
        });
    }

    @Override
    public CompletableFuture<Void> resumeConnector(String connector) {
        return submitAndChain(() -> {
            ConnectorState state = known(connector);
            state.target = TargetState.STARTED;
            return worker.setConnectorTargetState(connector, TargetState.STARTED)
                    .thenComposeAsync(ignored -> updateTasks(connector, state), herderThread);
        });
    }

    @Override
    public CompletableFuture<Void> stopConnector(RequestContext context, String connector) {
        return submitAndChain(() -> {
            ConnectorState state = known(connector);
            autoRestarts.userActedOn(connector);
            state.target = TargetState.STOPPED;
            worker.stopAndAwaitTasks(connector);
            worker.reportDestroyed(null, taskIds(connector, state.taskConfigs.size()));
            state.taskConfigs = List.of();
            return worker.setConnectorTargetState(connector, TargetState.STOPPED);
        });
    }

    @Override
    public CompletableFuture<ConnectorOffsets> connectorOffsets(String connector) {
        return submitAndChain(() -> worker.connectorOffsets(connector, existing(connector).config));
    }

    @Override
    public CompletableFuture<Message> alterConnectorOffsets(RequestContext context, String connector, ConnectorOffsets offsets) {
        return submitAndChain(() -> {
            Map<String, String> config = stopped(connector).config;
            // Parsed here, after the state check, so a bad request for a running connector still hears it must stop.
            if (worker.isSinkConnector(config)) {
                return worker.alterSinkConnectorOffsets(connector, config, OffsetRequests.sinkOffsets(offsets.offsets()),
                        REQUEST_TIMEOUT);
            }
            return worker.alterSourceConnectorOffsets(connector, config,
                    OffsetRequests.sourceOffsets(offsets.offsets()), REQUEST_TIMEOUT);
        });
    }

    @Override
    public CompletableFuture<Message> resetConnectorOffsets(RequestContext context, String connector) {
        return submitAndChain(() -> worker.resetConnectorOffsets(connector, stopped(connector).config,
                REQUEST_TIMEOUT));
    }

    @Override
    public CompletableFuture<Set<String>> connectorActiveTopics(String connector) {
        return submit(() -> {
            TopicTrackingRules.requireEnabled(worker.config());
            // Apache answers an unknown connector with an empty list, not 404; clients rely on that.
            return worker.topicStatus().topics(connector);
        });
    }

    @Override
    public CompletableFuture<Void> resetConnectorActiveTopics(String connector) {
        return submit(() -> {
            TopicTrackingRules.requireResetAllowed(worker.config());
            // As Apache: resetting an unknown connector's topics is accepted and changes nothing.
            worker.topicStatus().reset(connector);
            return null;
        });
    }

    /** Needs no herder state, so it runs beside the herder thread rather than queueing on it. */
    @Override
    public CompletableFuture<List<ConfigKeyInfo>> connectorPluginConfig(String plugin, String version) {
        return pluginRequests.describe(plugin, version);
    }

    /** Runs connector code (validate) and needs no herder state: kept off the herder thread. */
    @Override
    public CompletableFuture<ConfigInfos> validateConnectorConfig(Map<String, String> config) {
        return pluginRequests.validationReport(config);
    }

    // ---- herder-thread work ----

    /** Stores a configuration already validated (off this thread) and (re)starts the connector. */
    private CompletableFuture<Created<ConnectorInfo>> put(String connector, Map<String, String> config,
                                                           ConnectorType type, TargetState initialState,
                                                           boolean allowReplace) {
        ConnectorState existing = connectors.get(connector);
        if (existing != null && !allowReplace) {
            throw new AlreadyExistsException("Connector " + connector + " already exists");
        }
        boolean created = existing == null;
        ConnectorState state = new ConnectorState(new HashMap<>(config),
                created ? (initialState == null ? TargetState.STARTED : initialState) : existing.target);
        if (!created) {
            autoRestarts.userActedOn(connector);
            worker.stopAndAwaitConnector(connector);
            state.taskConfigs = existing.taskConfigs;
            // Converters and transformations come from the connector config: any change restarts the tasks.
            state.restartTasks = !existing.config.equals(state.config);
        }
        connectors.put(connector, state);
        types.put(connector, type);
        log.info("Connector {} {} with target state {}", connector, created ? "created" : "reconfigured",
                state.target);
        return startConnector(connector, state)
                .thenApplyAsync(ignored -> new Created<>(created, info(connector, state)), herderThread);
    }

    private CompletableFuture<Void> startConnector(String connector, ConnectorState state) {
        return worker.startConnector(connector, state.config, state.target, this::requestTaskReconfiguration)
                .thenComposeAsync(ignored -> updateTasks(connector, state), herderThread);
    }

    /** Regenerates the connector's task configurations and restarts its tasks if they changed. */
    private CompletableFuture<Void> updateTasks(String connector, ConnectorState state) {
        if (connectors.get(connector) != state || state.target != TargetState.STARTED
                || !worker.isConnectorRunning(connector)) {
            return CompletableFuture.completedFuture(null);
        }
        return worker.connectorTaskConfigs(connector, state.config).handleAsync((configs, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                log.error("Connector {} could not generate its task configurations", connector, cause);
                worker.reportConnectorFailed(connector, cause);
            } else if (connectors.get(connector) == state && state.target == TargetState.STARTED) {
                applyTaskConfigs(connector, state, configs);
            }
            return null;
        }, herderThread);
    }

    private void applyTaskConfigs(String connector, ConnectorState state, List<Map<String, String>> configs) {
        if (configs.equals(state.taskConfigs) && !state.restartTasks) {
            startTasksNotRunning(connector, state, taskIds(connector, configs.size()));
            return;
        }
        worker.stopAndAwaitTasks(connector);
        int previous = state.taskConfigs.size();
        if (configs.size() < previous) {
            worker.reportDestroyed(null, taskIds(connector, previous).subList(configs.size(), previous));
        }
        state.taskConfigs = List.copyOf(configs);
        state.restartTasks = false;
        log.info("Connector {} now has {} task(s)", connector, configs.size());
        startTasksNotRunning(connector, state, taskIds(connector, configs.size()));
    }

    private void startTasksNotRunning(String connector, ConnectorState state, List<ConnectorTaskId> ids) {
        for (ConnectorTaskId id : ids) {
            if (id.task() < state.taskConfigs.size() && !worker.taskIds().contains(id)) {
                worker.startTask(id, state.config, state.taskConfigs.get(id.task()), state.target);
            }
        }
    }

    private ConnectorState existing(String connector) {
        ConnectorState state = connectors.get(connector);
        if (state == null) {
            throw new NotFoundException("Connector " + connector + " not found");
        }
        return state;
    }

    /** Offsets may only change while no task of the connector can commit any. */
    private ConnectorState stopped(String connector) {
        ConnectorState state = existing(connector);
        if (state.target != TargetState.STOPPED) {
            throw new BadRequestException("Connectors must be in the STOPPED state before their offsets can be "
                    + "modified. This can be done for the specified connector by issuing a 'PUT' request to the "
                    + "'/connectors/" + connector + "/stop' endpoint");
        }
        return state;
    }

    private ConnectorState known(String connector) {
        ConnectorState state = connectors.get(connector);
        if (state == null) {
            throw new NotFoundException("Unknown connector " + connector);
        }
        return state;
    }

    private ConnectorInfo info(String connector, ConnectorState state) {
        return new ConnectorInfo(connector, new HashMap<>(state.config), taskIds(connector, state.taskConfigs.size()),
                types.getOrDefault(connector, ConnectorType.UNKNOWN));
    }

    private static List<ConnectorTaskId> taskIds(String connector, int count) {
        List<ConnectorTaskId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(new ConnectorTaskId(connector, i));
        }
        return ids;
    }

    /** Runs on the herder thread unless cancelled before its turn (see {@link QueuedRequest}). */
    private <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        herderThread.execute(QueuedRequest.answering(answer, work));
        return answer;
    }

    private <T> CompletableFuture<T> submitAndChain(Supplier<CompletableFuture<T>> work) {
        return QueuedRequest.chained(submit(work::get));
    }

    /** Due automatic restarts, on the herder thread: only of instances still failed and meant to run. */
    private final class AutoRestarts implements AutoRestarter.Restarts {

        @Override
        public boolean restartFailedConnector(String connector) {
            ConnectorState state = connectors.get(connector);
            if (state == null || state.target != TargetState.STARTED || !worker.isConnectorFailed(connector)) {
                return false;
            }
            worker.stopAndAwaitConnector(connector);
            startConnector(connector, state);
            return true;
        }

        @Override
        public boolean restartFailedTask(ConnectorTaskId id) {
            ConnectorState state = connectors.get(id.connector());
            if (state == null || state.target != TargetState.STARTED || id.task() >= state.taskConfigs.size()
                    || !worker.isTaskFailed(id)) {
                return false;
            }
            worker.stopAndAwaitTasks(List.of(id));
            worker.startTask(id, state.config, state.taskConfigs.get(id.task()), state.target);
            return true;
        }
    }

    /** What the herder knows of one connector. Touched only on the herder thread. */
    private static final class ConnectorState {
        final Map<String, String> config;
        TargetState target;
        List<Map<String, String>> taskConfigs = List.of();
        boolean restartTasks;

        ConnectorState(Map<String, String> config, TargetState target) {
            this.config = config;
            this.target = target;
        }
    }
}
