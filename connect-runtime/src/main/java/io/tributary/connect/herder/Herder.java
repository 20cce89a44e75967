package io.tributary.connect.herder;

import io.tributary.connect.model.ConnectorInfo;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.model.TaskInfo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The single owner of a worker's (or cluster's) connector state. Writes and reads that need the
 * current configuration are queued onto the herder's own thread and answered through futures;
 * callers (REST threads) wait on them with a timeout and never touch herder state directly.
 *
 * <p>Futures complete exceptionally with {@link org.apache.kafka.connect.errors.NotFoundException},
 * {@link org.apache.kafka.connect.errors.AlreadyExistsException},
 * {@link io.tributary.connect.herder.BadRequestException} and friends, which the REST layer maps to
 * status codes.
 */
public interface Herder {

    void start();

    void stop();

    /** True once the herder has read its state and can answer requests. */
    boolean isReady();

    /** Completes when the herder thread is alive and responsive. */
    CompletableFuture<Void> healthCheck();

    /** The id this worker reports in statuses, e.g. {@code 127.0.0.1:8083}. */
    String workerId();

    String kafkaClusterId();

    CompletableFuture<Collection<String>> connectors();

    CompletableFuture<ConnectorInfo> connectorInfo(String connector);

    CompletableFuture<Map<String, String>> connectorConfig(String connector);

    /**
     * Creates a connector or replaces its config. With {@code allowReplace} false an existing
     * connector is a conflict. {@code initialState} applies only to a new connector.
     */
    CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(String connector, Map<String, String> config,
                                                                 TargetState initialState, boolean allowReplace);

    /** Merges {@code patch} into an existing config; a null value removes the key. */
    CompletableFuture<Created<ConnectorInfo>> patchConnectorConfig(String connector, Map<String, String> patch);

    CompletableFuture<Created<ConnectorInfo>> deleteConnectorConfig(String connector);

    CompletableFuture<List<TaskInfo>> taskConfigs(String connector);

    /** A connector asked (through its context) for its tasks to be regenerated. */
    void requestTaskReconfiguration(String connector);

    /** Statuses come from the status store and may be read from any thread. */
    ConnectorStateInfo connectorStatus(String connector);

    ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id);

    CompletableFuture<Void> restartConnector(String connector);

    CompletableFuture<Void> restartTask(ConnectorTaskId id);

    /** Restarts the instances the request selects and answers their RESTARTING statuses. */
    CompletableFuture<ConnectorStateInfo> restartConnectorAndTasks(RestartRequest request);

    CompletableFuture<Void> pauseConnector(String connector);

    CompletableFuture<Void> resumeConnector(String connector);

    CompletableFuture<Void> stopConnector(String connector);
}
