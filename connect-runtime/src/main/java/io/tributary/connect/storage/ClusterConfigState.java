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
 * @param taskConfigGenerations       per connector, how many complete sets of task configs were committed before
 *                                    the current one (0 for the first), as Kafka Connect counts them
 * @param connectorsPendingFencing    connectors whose tasks were committed after their last task count record:
 *                                    an exactly-once generation must fence the previous one before it starts
 */
public record ClusterConfigState(long offset, SessionKey sessionKey,
                                 Map<String, Map<String, String>> connectorConfigs,
                                 Map<String, TargetState> connectorTargetStates,
                                 Map<String, Integer> connectorTaskCounts,
                                 Map<ConnectorTaskId, Map<String, String>> taskConfigs,
                                 Map<String, Integer> connectorTaskCountRecords,
                                 Set<String> inconsistentConnectors,
                                 Map<String, Map<String, String>> appliedConnectorConfigs,
                                 Map<String, Integer> taskConfigGenerations,
                                 Set<String> connectorsPendingFencing) {

    public static final ClusterConfigState EMPTY = new ClusterConfigState(-1, null, Map.of(), Map.of(), Map.of(),
            Map.of(), Map.of(), Set.of(), Map.of());

    /** A snapshot without exactly-once bookkeeping (no generations counted, nothing pending fencing). */
    public ClusterConfigState(long offset, SessionKey sessionKey, Map<String, Map<String, String>> connectorConfigs,
                              Map<String, TargetState> connectorTargetStates, Map<String, Integer> connectorTaskCounts,
                              Map<ConnectorTaskId, Map<String, String>> taskConfigs,
                              Map<String, Integer> connectorTaskCountRecords, Set<String> inconsistentConnectors,
                              Map<String, Map<String, String>> appliedConnectorConfigs) {
        this(offset, sessionKey, connectorConfigs, connectorTargetStates, connectorTaskCounts, taskConfigs,
                connectorTaskCountRecords, inconsistentConnectors, appliedConnectorConfigs, Map.of(), Set.of());
    }

    public ClusterConfigState {
        connectorConfigs = Map.copyOf(connectorConfigs);
        connectorTargetStates = Map.copyOf(connectorTargetStates);
        connectorTaskCounts = Map.copyOf(connectorTaskCounts);
        taskConfigs = Map.copyOf(taskConfigs);
        connectorTaskCountRecords = Map.copyOf(connectorTaskCountRecords);
        inconsistentConnectors = Set.copyOf(inconsistentConnectors);
        appliedConnectorConfigs = Map.copyOf(appliedConnectorConfigs);
        taskConfigGenerations = Map.copyOf(taskConfigGenerations);
        connectorsPendingFencing = Set.copyOf(connectorsPendingFencing);
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

    /** The generation of the connector's current task configs, or null before any complete set was committed. */
    public Integer taskConfigGeneration(String connector) {
        return taskConfigGenerations.get(connector);
    }

    /** Whether tasks were committed for the connector since the leader last recorded a fenced task count. */
    public boolean pendingFencing(String connector) {
        return connectorsPendingFencing.contains(connector);
    }
}
