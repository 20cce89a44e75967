package io.tributary.connect.storage;

import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The cluster's connector and task configurations, target states, session key and restart requests.
 * Writes return once they are durable and visible in {@link #snapshot()}; changes made by other
 * workers reach the {@link ConfigUpdateListener}.
 */
public interface ConfigBackingStore {

    /** Must be set before {@link #start()}; replaces any earlier listener. */
    void setUpdateListener(ConfigUpdateListener listener);

    /** Reads the whole history before returning; the listener hears only about what comes after. */
    void start();

    void stop();

    ClusterConfigState snapshot();

    boolean contains(String connector);

    /**
     * Creates or replaces a connector's config. A non-null target state is written first, so that a
     * connector created paused or stopped never runs even briefly.
     */
    void putConnectorConfig(String connector, Map<String, String> config, TargetState targetState);

    /** Deletes a connector: its config and target state (its old task records stay, ignored). */
    void removeConnectorConfig(String connector);

    /** Replaces the connector's tasks with these configs (task i = element i); empty removes them all. */
    void putTaskConfigs(String connector, List<Map<String, String>> taskConfigs);

    /** Writes a target state. To stop a connector, remove its tasks first (as Apache does) with an empty putTaskConfigs. */
    void putTargetState(String connector, TargetState state);

    /** Returns once the write is acknowledged; {@link #snapshot()} may show the key only a little later. */
    void putSessionKey(SessionKey key);

    void putRestartRequest(RestartRequest request);

    /** Records the task count whose producers were fenced (exactly-once source support). */
    void putTaskCountRecord(String connector, int taskCount);

    /** A cluster-wide log level for a logger namespace. */
    void putLoggerLevel(String namespace, String level);

    /** Catches up with everything written to the store before the call. */
    void refresh(Duration timeout) throws TimeoutException;

    /**
     * Makes this worker the only one allowed to write leader-only records (connector and task configs,
     * session key, task count records), fencing any earlier claimant. A no-op unless the store was
     * built with a transactional id. Leader-only writes after another worker claimed fail with
     * {@link FencedLeaderException}.
     */
    void claimWritePrivileges();

    /** Gives up leader-only writes, e.g. after losing leadership. */
    void releaseWritePrivileges();
}
