package io.tributary.connect.herder;

import io.tributary.connect.model.ConnectorInfo;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.model.TaskInfo;
import io.tributary.connect.model.ConfigInfos;
import io.tributary.connect.model.ConfigKeyInfo;
import io.tributary.connect.model.ConnectorOffsets;
import io.tributary.connect.model.Message;
import io.tributary.connect.logging.LoggerLevels;
import org.apache.kafka.connect.errors.ConnectException;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /**
     * How long a client waits for an answer before giving up (Kafka Connect's REST timeout, 90 s). Plugin calls
     * made for a request get the same deadline, so work nobody waits for any more is cancelled, not run late.
     */
    Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

    void start();

    void stop();

    /** True once the herder has read its state and can answer requests. */
    boolean isReady();

    /** Completes when the herder thread is alive and responsive. */
    CompletableFuture<Void> healthCheck();

    /** What the herder thread is busy with, when it may hold queued requests up for a while. */
    default Optional<HerderStage> currentStage() {
        return Optional.empty();
    }

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
    CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(RequestContext context, String connector, Map<String, String> config,
                                                                 TargetState initialState, boolean allowReplace);

    /** Merges {@code patch} into an existing config; a null value removes the key. */
    CompletableFuture<Created<ConnectorInfo>> patchConnectorConfig(RequestContext context, String connector, Map<String, String> patch);

    CompletableFuture<Created<ConnectorInfo>> deleteConnectorConfig(RequestContext context, String connector);

    CompletableFuture<List<TaskInfo>> taskConfigs(String connector);

    /** A connector asked (through its context) for its tasks to be regenerated. */
    void requestTaskReconfiguration(String connector);

    /** Statuses come from the status store and may be read from any thread. */
    ConnectorStateInfo connectorStatus(String connector);

    ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id);

    CompletableFuture<Void> restartConnector(RequestContext context, String connector);

    CompletableFuture<Void> restartTask(RequestContext context, ConnectorTaskId id);

    /** Restarts the instances the request selects and answers their RESTARTING statuses. */
    CompletableFuture<ConnectorStateInfo> restartConnectorAndTasks(RequestContext context, RestartRequest request);

    CompletableFuture<Void> pauseConnector(String connector);

    CompletableFuture<Void> resumeConnector(String connector);

    CompletableFuture<Void> stopConnector(RequestContext context, String connector);

    // The methods below came with the complete REST API. Their defaults answer "not supported" so that a
    // herder written before them still compiles; every herder the worker runs overrides them.

    /**
     * The connector's offsets (KIP-875): a source connector's partitions and offsets from the offset store,
     * a sink connector's committed offsets of its consumer group. Fails with NotFoundException for an
     * unknown connector.
     */
    default CompletableFuture<ConnectorOffsets> connectorOffsets(String connector) {
        return unsupported("Reading connector offsets");
    }

    /**
     * Alters the offsets of a STOPPED connector (BadRequestException otherwise, or for offsets of the wrong
     * shape). A null offset removes the partition's offset. Completes with the message to show the user,
     * which says whether the connector also altered offsets it manages itself.
     */
    default CompletableFuture<Message> alterConnectorOffsets(RequestContext context, String connector, ConnectorOffsets offsets) {
        return unsupported("Altering connector offsets");
    }

    /** Removes every offset of a STOPPED connector; answers like {@link #alterConnectorOffsets}. */
    default CompletableFuture<Message> resetConnectorOffsets(RequestContext context, String connector) {
        return unsupported("Resetting connector offsets");
    }

    /**
     * The topics the connector's tasks used since the last reset (KIP-558). Fails with ForbiddenException
     * when topic tracking is disabled and NotFoundException for an unknown connector.
     */
    default CompletableFuture<Set<String>> connectorActiveTopics(String connector) {
        return unsupported("Topic tracking");
    }

    /** Forgets the connector's topics; ForbiddenException when tracking or its reset is disabled. */
    default CompletableFuture<Void> resetConnectorActiveTopics(String connector) {
        return unsupported("Topic tracking");
    }

    /**
     * The settings of a connector, converter, header converter, transformation or predicate, named by class
     * or alias: NotFoundException for an unknown plugin, BadRequestException for another kind of plugin or
     * a {@code version} (a version or range, may be null) that the installed plugin does not match.
     */
    default CompletableFuture<List<ConfigKeyInfo>> connectorPluginConfig(String plugin, String version) {
        return unsupported("Describing plugin settings");
    }

    /**
     * Validates a connector configuration as a whole (connector, common settings, converters,
     * transformations, predicates) and answers every setting with its definition, value and errors.
     * A configuration without a connector class, or naming an unknown one, is a BadRequestException.
     */
    default CompletableFuture<ConfigInfos> validateConnectorConfig(Map<String, String> config) {
        return unsupported("Validating connector configurations");
    }

    /**
     * Task configs a connector generated on the worker that runs it, sent to the leader to write (Kafka
     * Connect's internal POST /connectors/{name}/tasks). Only a distributed herder accepts them.
     */
    default CompletableFuture<Void> putTaskConfigs(RequestContext context, String connector, List<Map<String, String>> taskConfigs) {
        return unsupported("Receiving task configurations from other workers");
    }

    /**
     * Fences out the producers of a source connector's previous generation of exactly-once tasks and records the
     * current task count (Kafka Connect's internal PUT /connectors/{name}/fence). Only the leader of a distributed
     * cluster does it; a standalone worker runs no exactly-once source tasks.
     */
    default CompletableFuture<Void> fenceZombieSourceTasks(RequestContext context, String connector) {
        return CompletableFuture.failedFuture(new ConnectException(
                "Kafka Connect in standalone mode does not support exactly-once source connectors."));
    }

    /**
     * Checks the signature of a request only other workers may make (KIP-507), throwing the exception that
     * answers it when it may not be served. Herders without a cluster have nothing to check.
     *
     * @param signature what the request's signature headers carry; null when it has none
     */
    default void verifyInternalRequest(InternalRequestSignature signature) {
    }

    /**
     * A cluster-scope log level (PUT /admin/loggers/{name}?scope=cluster): a distributed herder writes it to
     * the config topic for every worker to apply and answers true; false means there is no cluster to tell
     * and the caller applies the level to this worker only.
     */
    default boolean publishLoggerLevel(String namespace, String level) {
        return false;
    }

    /** Where levels published by any worker of the cluster are applied; herders without a cluster ignore it. */
    default void applyClusterLoggerLevelsWith(LoggerLevels levels) {
    }

    private static <T> CompletableFuture<T> unsupported(String what) {
        return CompletableFuture.failedFuture(new ConnectException(what + " is not supported by this herder"));
    }
}
