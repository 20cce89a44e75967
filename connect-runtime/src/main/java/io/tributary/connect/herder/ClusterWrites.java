package io.tributary.connect.herder;

import io.tributary.connect.model.ConnectorInfo;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.ConnectorType;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.model.ConnectorOffsets;
import io.tributary.connect.model.Message;
import io.tributary.connect.storage.ClusterConfigState;
import io.tributary.connect.storage.ConfigBackingStore;
import io.tributary.connect.worker.Worker;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.kafka.connect.errors.AlreadyExistsException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The herder's writes to the config topic, on the herder thread: connector configs, deletions, stops and
 * restart requests as the leader; target states as any worker. Each returns once the write is in this
 * worker's config snapshot; the instances react when every worker reads it back.
 */
final class ClusterWrites {

    private static final Logger log = LoggerFactory.getLogger(ClusterWrites.class);

    private final ConfigBackingStore store;
    private final Worker worker;
    private final LeaderDuties leader;
    private final RebalanceHandler rebalance;
    private final ConnectorStatusReader statuses;
    private final ConnectorTypes types;
    private final PluginRequests pluginRequests;

    ClusterWrites(ConfigBackingStore store, Worker worker, LeaderDuties leader, RebalanceHandler rebalance,
                  ConnectorStatusReader statuses, ConnectorTypes types, PluginRequests pluginRequests) {
        this.store = store;
        this.worker = worker;
        this.leader = leader;
        this.rebalance = rebalance;
        this.statuses = statuses;
        this.types = types;
        this.pluginRequests = pluginRequests;
    }

    static Map<String, String> patched(Map<String, String> config, Map<String, String> patch) {
        Map<String, String> patched = new HashMap<>(config);
        patch.forEach((key, value) -> {
            if (value == null) {
                patched.remove(key);
            } else {
                patched.put(key, value);
            }
        });
        return patched;
    }

    /**
     * Validates on the worker's plugin call threads (connector code may be slow), then writes on the herder
     * thread, checking again that this worker still leads: a leader that lost its place meanwhile must not write.
     * A creation under way holds back a rebalance wanted meanwhile, so that it shares the round (see {@link
     * RebalanceCoalescer}).
     */
    CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(String connector, Map<String, String> config,
                                                                 TargetState initialState, boolean allowReplace,
                                                                 HerderLoop loop) {
        boolean creating = !store.contains(connector);
        if (creating) {
            rebalance.creationStarted();
        }
        CompletableFuture<ConnectorType> validated;
        try {
            validated = pluginRequests.validateForWrite(connector, config);
        } catch (RuntimeException e) {
            if (creating) {
                rebalance.creationEnded();
            }
            throw e;
        }
        return validated
                .handleAsync((type, error) -> {
                    if (creating) {
                        rebalance.creationEnded();
                    }
                    if (error != null) {
                        throw error instanceof CompletionException wrapped ? wrapped : new CompletionException(error);
                    }
                    if (!rebalance.isLeader()) {
                        throw ClusterConflicts.staleConfiguration();
                    }
                    boolean exists = store.contains(connector);
                    if (exists && !allowReplace) {
                        throw new AlreadyExistsException("Connector " + connector + " already exists");
                    }
                    leader.write("the config of connector " + connector, () -> {
                        store.putConnectorConfig(connector, config, exists ? null : initialState);
                        return null;
                    });
                    log.info("Connector {} {}", connector, exists ? "reconfigured" : "created");
                    return new Created<>(!exists, info(connector, store.snapshot()));
                }, loop::execute);
    }

    Created<ConnectorInfo> delete(String connector) {
        ClusterConfigState snapshot = store.snapshot();
        ConnectorInfo info = info(connector, snapshot);
        leader.write("the removal of connector " + connector, () -> {
            store.removeConnectorConfig(connector);
            return null;
        });
        // Owners report their instances gone as they stop them; this covers instances of departed workers.
        worker.reportDestroyed(connector, snapshot.tasks(connector));
        log.info("Connector {} deleted; its source offsets are kept", connector);
        return new Created<>(false, info);
    }

    /** Tasks are removed first, so that no task of a stopped connector runs anywhere. */
    void stop(String connector) {
        ClusterConfigState snapshot = store.snapshot();
        info(connector, snapshot);
        leader.write("the stop of connector " + connector, () -> {
            store.putTaskConfigs(connector, java.util.List.of());
            store.putTargetState(connector, TargetState.STOPPED);
            return null;
        });
    }

    Void putTargetState(String connector, TargetState target) {
        if (!store.contains(connector)) {
            throw new NotFoundException("Unknown connector " + connector);
        }
        store.putTargetState(connector, target);
        log.info("Connector {} target state set to {}", connector, target);
        return null;
    }

    /** Records the request for every worker to act on for its own instances; answers the expected states. */
    ConnectorStateInfo requestRestart(RestartRequest request) {
        String connector = request.connectorName();
        if (!store.contains(connector)) {
            throw new NotFoundException("Unknown connector: " + connector);
        }
        ConnectorStateInfo answer = RestartPlan.of(request, statuses.connectorStatus(connector)).answer();
        store.putRestartRequest(request);
        return answer;
    }

    /** Fails with Kafka Connect's 404 answers when the task's connector or the task does not exist. */
    void requireTask(ConnectorTaskId id) {
        ClusterConfigState snapshot = store.snapshot();
        if (!snapshot.contains(id.connector())) {
            throw new NotFoundException("Unknown connector: " + id.connector());
        }
        if (!snapshot.tasks(id.connector()).contains(id)) {
            throw new NotFoundException("Unknown task: " + id);
        }
    }

    CompletableFuture<Message> alterOffsets(String connector, ConnectorOffsets offsets) {
        Map<String, String> config = stopped(connector);
        if (worker.isSinkConnector(config)) {
            return worker.alterSinkConnectorOffsets(connector, config, OffsetRequests.sinkOffsets(offsets.offsets()),
                    Herder.REQUEST_TIMEOUT);
        }
        return worker.alterSourceConnectorOffsets(connector, config, OffsetRequests.sourceOffsets(offsets.offsets()),
                Herder.REQUEST_TIMEOUT);
    }

    CompletableFuture<Message> resetOffsets(String connector) {
        return worker.resetConnectorOffsets(connector, stopped(connector), Herder.REQUEST_TIMEOUT);
    }

    ConnectorInfo info(String connector, ClusterConfigState snapshot) {
        Map<String, String> config = snapshot.connectorConfig(connector);
        if (config == null) {
            throw new NotFoundException("Connector " + connector + " not found");
        }
        ConnectorType type = types.of(config);
        return new ConnectorInfo(connector, new HashMap<>(config), snapshot.tasks(connector), type);
    }

    private Map<String, String> stopped(String connector) {
        ClusterConfigState snapshot = store.snapshot();
        Map<String, String> config = snapshot.connectorConfig(connector);
        if (config == null) {
            throw new NotFoundException("Connector " + connector + " not found");
        }
        if (snapshot.targetState(connector) != TargetState.STOPPED) {
            throw new BadRequestException("Connectors must be in the STOPPED state before their offsets can be "
                    + "modified. This can be done for the specified connector by issuing a 'PUT' request to the "
                    + "'/connectors/" + connector + "/stop' endpoint");
        }
        return config;
    }
}
