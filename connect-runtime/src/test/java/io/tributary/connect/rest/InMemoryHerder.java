package io.tributary.connect.rest;

import io.tributary.connect.herder.RequestContext;
import io.tributary.connect.herder.BadRequestException;
import io.tributary.connect.herder.Created;
import io.tributary.connect.herder.Herder;
import io.tributary.connect.herder.HerderStage;
import io.tributary.connect.model.ConnectorInfo;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorStateInfo.ConnectorState;
import io.tributary.connect.model.ConnectorStateInfo.TaskState;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.ConnectorType;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.model.TaskInfo;
import org.apache.kafka.connect.errors.AlreadyExistsException;
import org.apache.kafka.connect.errors.NotFoundException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A herder that keeps connectors in memory and answers at once, with Kafka Connect's error messages,
 * so the REST layer can be tested over HTTP before the real herders exist. Each connector gets one
 * task unless it is paused at creation or stopped. A connector whose class contains "Sink" is a sink.
 */
final class InMemoryHerder implements Herder {

    static final String VERSION = "4.1.1";

    private final Map<String, Map<String, String>> configs = new LinkedHashMap<>();
    private final Map<String, TargetState> targetStates = new LinkedHashMap<>();
    private volatile boolean ready = true;
    private volatile CompletableFuture<Void> healthCheck = CompletableFuture.completedFuture(null);
    private volatile CompletableFuture<?> nextAnswer;
    private volatile CompletableFuture<Void> stalledArrived = new CompletableFuture<>();
    private volatile RuntimeException nextFailure;
    volatile String workerId = "localhost:8083";
    private volatile HerderStage stage;

    void ready(boolean ready) {
        this.ready = ready;
    }

    /** Health checks from now on complete only when the returned future does. */
    CompletableFuture<Void> stallHealthChecks() {
        healthCheck = new CompletableFuture<>();
        return healthCheck;
    }

    /**
     * The next queued request completes only when the returned future does, as if the herder thread
     * were busy; {@link #stalledRequestArrived()} completes once that request reached the herder.
     */
    CompletableFuture<Object> stallNextRequest() {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        stalledArrived = new CompletableFuture<>();
        nextAnswer = answer;
        return answer;
    }

    CompletableFuture<Void> stalledRequestArrived() {
        return stalledArrived;
    }

    /** The next queued request fails with this exception. */
    void failNextRequest(RuntimeException failure) {
        nextFailure = failure;
    }

    /** Back to an empty, ready, responsive herder between tests sharing a server. */
    synchronized void reset() {
        configs.clear();
        targetStates.clear();
        ready = true;
        healthCheck = CompletableFuture.completedFuture(null);
        nextAnswer = null;
        nextFailure = null;
        stage = null;
    }

    /** Makes the herder say it is busy with {@code description} since {@code startedAtMs}. */
    void busyWith(String description, long startedAtMs) {
        stage = new HerderStage(description, startedAtMs);
    }

    @Override
    public Optional<HerderStage> currentStage() {
        return Optional.ofNullable(stage);
    }

    synchronized void add(String name, Map<String, String> config) {
        Map<String, String> withName = new LinkedHashMap<>(config);
        withName.putIfAbsent("name", name);
        configs.put(name, withName);
        targetStates.put(name, TargetState.STARTED);
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public CompletableFuture<Void> healthCheck() {
        return healthCheck;
    }

    @Override
    public String workerId() {
        return workerId;
    }

    @Override
    public String kafkaClusterId() {
        return "cluster-id-1";
    }

    @Override
    public CompletableFuture<Collection<String>> connectors() {
        return answer(() -> List.copyOf(configs.keySet()));
    }

    @Override
    public CompletableFuture<ConnectorInfo> connectorInfo(String connector) {
        return answer(() -> info(existing(connector)));
    }

    @Override
    public CompletableFuture<Map<String, String>> connectorConfig(String connector) {
        return answer(() -> configs.get(existing(connector)));
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(RequestContext context, String connector, Map<String, String> config,
                                                                        TargetState initialState, boolean allowReplace) {
        return answer(() -> {
            boolean exists = configs.containsKey(connector);
            if (exists && !allowReplace) {
                throw new AlreadyExistsException("Connector " + connector + " already exists");
            }
            if (!config.containsKey("connector.class")) {
                throw new BadRequestException("Connector config " + config + " contains no connector type");
            }
            configs.put(connector, new LinkedHashMap<>(config));
            if (!exists) {
                targetStates.put(connector, initialState);
            }
            return new Created<>(!exists, info(connector));
        });
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> patchConnectorConfig(RequestContext context, String connector, Map<String, String> patch) {
        return answer(() -> {
            Map<String, String> config = new LinkedHashMap<>(configs.get(existing(connector)));
            patch.forEach((key, value) -> {
                if (value == null) {
                    config.remove(key);
                } else {
                    config.put(key, value);
                }
            });
            configs.put(connector, config);
            return new Created<>(false, info(connector));
        });
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> deleteConnectorConfig(RequestContext context, String connector) {
        return answer(() -> {
            ConnectorInfo removed = info(existing(connector));
            configs.remove(connector);
            targetStates.remove(connector);
            return new Created<>(false, removed);
        });
    }

    @Override
    public CompletableFuture<List<TaskInfo>> taskConfigs(String connector) {
        return answer(() -> {
            List<TaskInfo> tasks = new ArrayList<>();
            for (ConnectorTaskId id : taskIds(existing(connector))) {
                Map<String, String> config = new LinkedHashMap<>(configs.get(connector));
                config.put("task.class", config.get("connector.class") + "Task");
                tasks.add(new TaskInfo(id, config));
            }
            return tasks;
        });
    }

    @Override
    public void requestTaskReconfiguration(String connector) {
    }

    @Override
    public synchronized ConnectorStateInfo connectorStatus(String connector) {
        if (!configs.containsKey(connector)) {
            throw new NotFoundException("No status found for connector " + connector);
        }
        return status(connector, stateName(targetStates.get(connector)));
    }

    @Override
    public synchronized TaskState taskStatus(ConnectorTaskId id) {
        if (!configs.containsKey(id.connector()) || !taskIds(id.connector()).contains(id)) {
            throw new NotFoundException("No status found for task " + id);
        }
        return new TaskState(id.task(), stateName(targetStates.get(id.connector())), null, workerId, VERSION);
    }

    @Override
    public CompletableFuture<Void> restartConnector(RequestContext context, String connector) {
        return answer(() -> {
            if (!configs.containsKey(connector)) {
                throw new NotFoundException("Unknown connector: " + connector);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> restartTask(RequestContext context, ConnectorTaskId id) {
        return answer(() -> {
            if (!configs.containsKey(id.connector()) || !taskIds(id.connector()).contains(id)) {
                throw new NotFoundException("Task " + id + " not found");
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<ConnectorStateInfo> restartConnectorAndTasks(RequestContext context, RestartRequest request) {
        return answer(() -> {
            if (!configs.containsKey(request.connectorName())) {
                throw new NotFoundException("Unknown connector: " + request.connectorName());
            }
            return status(request.connectorName(), request.onlyFailed() ? "RUNNING" : "RESTARTING");
        });
    }

    @Override
    public CompletableFuture<Void> pauseConnector(String connector) {
        return target(connector, TargetState.PAUSED);
    }

    @Override
    public CompletableFuture<Void> resumeConnector(String connector) {
        return target(connector, TargetState.STARTED);
    }

    @Override
    public CompletableFuture<Void> stopConnector(RequestContext context, String connector) {
        return target(connector, TargetState.STOPPED);
    }

    private CompletableFuture<Void> target(String connector, TargetState state) {
        return answer(() -> {
            if (!configs.containsKey(connector)) {
                throw new NotFoundException("Unknown connector " + connector);
            }
            targetStates.put(connector, state);
            return null;
        });
    }

    private String existing(String connector) {
        if (!configs.containsKey(connector)) {
            throw new NotFoundException("Connector " + connector + " not found");
        }
        return connector;
    }

    private ConnectorInfo info(String connector) {
        return new ConnectorInfo(connector, configs.get(connector), taskIds(connector), type(connector));
    }

    private ConnectorStateInfo status(String connector, String state) {
        List<TaskState> tasks = taskIds(connector).stream()
                .map(id -> new TaskState(id.task(), state, null, workerId, VERSION)).toList();
        return new ConnectorStateInfo(connector, new ConnectorState(state, null, workerId, VERSION), tasks,
                type(connector));
    }

    private List<ConnectorTaskId> taskIds(String connector) {
        TargetState state = targetStates.get(connector);
        return state == TargetState.STARTED ? List.of(new ConnectorTaskId(connector, 0)) : List.of();
    }

    private ConnectorType type(String connector) {
        return configs.get(connector).getOrDefault("connector.class", "").contains("Sink")
                ? ConnectorType.SINK : ConnectorType.SOURCE;
    }

    private static String stateName(TargetState state) {
        return state == TargetState.STARTED ? "RUNNING" : state.name();
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> CompletableFuture<T> answer(Supplier<T> work) {
        CompletableFuture<?> stalled = nextAnswer;
        RuntimeException failure = nextFailure;
        nextAnswer = null;
        nextFailure = null;
        if (stalled != null) {
            stalledArrived.complete(null);
            return (CompletableFuture<T>) stalled;
        }
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
