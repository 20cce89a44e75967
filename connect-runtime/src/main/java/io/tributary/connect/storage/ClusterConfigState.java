package io.tributary.connect.storage;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.TargetState;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of the config topic: what every worker agrees the cluster should run.
 *
 * @param offset                      the offset after the last config-topic record read into this snapshot (the
 *                                    next one to read), as Kafka Connect counts; -1 if none was read
 * @param sessionKey                  the latest session key, or null
 * @param connectorConfigs            connector configs by name (deleted connectors are absent)
 * @param connectorTargetStates       explicit target states by connector
 * @param connectorTaskCounts         task count of each connector's latest complete commit
 * @param taskConfigs                 committed task configs
 * @param connectorTaskCountRecords   task counts the leader recorded after fencing (exactly-once sources)
 * @param inconsistentConnectors      connectors whose latest commit named task configs this worker never read
 * @param appliedConnectorConfigs     each connector's config as it stood when its latest task commit was read: the
 *                                    config its current tasks were generated from
 */
public record ClusterConfigState(long offset, SessionKey sessionKey,
                                 Map<String, Map<String, String>> connectorConfigs,
                                 Map<String, TargetState> connectorTargetStates,
                                 Map<String, Integer> connectorTaskCounts,
                                 Map<ConnectorTaskId, Map<String, String>> taskConfigs,
                                 Map<String, Integer> connectorTaskCountRecords,
                                 Set<String> inconsistentConnectors,
                                 Map<String, Map<String, String>> appliedConnectorConfigs) {

    public static final ClusterConfigState EMPTY = new ClusterConfigState(-1, null, Map.of(), Map.of(), Map.of(),
            Map.of(), Map.of(), Set.of(), Map.of());

    public ClusterConfigState {
        connectorConfigs = Map.copyOf(connectorConfigs);
        connectorTargetStates = Map.copyOf(connectorTargetStates);
        connectorTaskCounts = Map.copyOf(connectorTaskCounts);
        taskConfigs = Map.copyOf(taskConfigs);
        connectorTaskCountRecords = Map.copyOf(connectorTaskCountRecords);
        inconsistentConnectors = Set.copyOf(inconsistentConnectors);
        appliedConnectorConfigs = Map.copyOf(appliedConnectorConfigs);
    }

    public Set<String> connectors() {
        return connectorConfigs.keySet();
    }

    public boolean contains(String connector) {
        return connectorConfigs.containsKey(connector);
    }

    public Map<String, String> connectorConfig(String connector) {
        return connectorConfigs.get(connector);
    }

    /** STARTED unless a target state was written; null for connectors that do not exist. */
    public TargetState targetState(String connector) {
        if (!contains(connector)) {
            return null;
        }
        return connectorTargetStates.getOrDefault(connector, TargetState.STARTED);
    }

    /** The number of committed tasks, or 0 when none were committed. */
    public int taskCount(String connector) {
        return connectorTaskCounts.getOrDefault(connector, 0);
    }

    /** The connector's committed tasks in order; none while it is inconsistent or absent. */
    public List<ConnectorTaskId> tasks(String connector) {
        if (!contains(connector) || inconsistentConnectors.contains(connector)) {
            return List.of();
        }
        return taskConfigs.keySet().stream().filter(id -> id.connector().equals(connector)).sorted().toList();
    }

    public Map<String, String> taskConfig(ConnectorTaskId id) {
        return taskConfigs.get(id);
    }

    /**
     * The connector config its current tasks were generated from (as of its latest task commit), or null. The
     * leader writes a connector's task configs again, even unchanged, when its config moved on since, so that its
     * tasks restart with the new connector config, as Kafka Connect's leader does.
     */
    public Map<String, String> appliedConnectorConfig(String connector) {
        return appliedConnectorConfigs.get(connector);
    }

    /** The task count recorded for fencing, or null when none was recorded. */
    public Integer taskCountRecord(String connector) {
        return connectorTaskCountRecords.get(connector);
    }
}
