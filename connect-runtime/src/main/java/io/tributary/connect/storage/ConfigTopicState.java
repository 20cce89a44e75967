package io.tributary.connect.storage;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.TargetState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster configuration as it stands after the config-topic records read so far. Task configs
 * are held back until the commit record that follows them: only then do they replace the
 * connector's previous tasks, all at once, so workers never run a half-written set.
 */
final class ConfigTopicState {

    private static final Logger log = LoggerFactory.getLogger(ConfigTopicState.class);

    private final ConfigUpdateListener listener;
    private long offset = -1;
    private SessionKey sessionKey;
    private final Map<String, Map<String, String>> connectorConfigs = new HashMap<>();
    private final Map<String, TargetState> targetStates = new HashMap<>();
    private final Map<String, Integer> taskCounts = new HashMap<>();
    private final Map<ConnectorTaskId, Map<String, String>> taskConfigs = new HashMap<>();
    private final Map<String, Integer> taskCountRecords = new HashMap<>();
    private final Set<String> inconsistent = new HashSet<>();
    private final Map<String, Map<String, String>> appliedConnectorConfigs = new HashMap<>();
    private final Map<String, Integer> generations = new HashMap<>();
    private final Set<String> pendingFencing = new HashSet<>();
    // Task configs read since their connector's last commit, by connector then task number.
    private final Map<String, Map<Integer, Map<String, String>>> deferredTasks = new HashMap<>();
    // The last snapshot handed out while nothing changed: the REST API and the herder ask for one per
    // connector and per task, and copying a few thousand entries each time made reads quadratic.
    private ClusterConfigState snapshot;

    /** @param listener told about each change as it is applied */
    ConfigTopicState(ConfigUpdateListener listener) {
        this.listener = listener;
    }

    /** Notes that a record was read at this offset, whether or not this runtime understood it. */
    /**
     * Kafka Connect's meaning, which travels in group metadata and assignments: the offset of the next record
     * to read (the last one read plus one), -1 before any record was read.
     */
    synchronized void advanceTo(long recordOffset) {
        offset = Math.max(offset, recordOffset + 1);
        snapshot = null;
    }

    synchronized void apply(ConfigRecord record) {
        try {
            applyRecord(record);
        } finally {
            // Also drops a snapshot a listener took while the record was half applied.
            snapshot = null;
        }
    }

    private void applyRecord(ConfigRecord record) {
        snapshot = null;
        if (record instanceof ConfigRecord.ConnectorConfig r) {
            applyConnectorConfig(r);
        } else if (record instanceof ConfigRecord.TaskConfig r) {
            Map<Integer, Map<String, String>> deferred = deferredTasks.computeIfAbsent(r.id().connector(), c -> new TreeMap<>());
            if (r.properties() == null) {
                deferred.remove(r.id().task());
            } else {
                deferred.put(r.id().task(), Collections.unmodifiableMap(r.properties()));
            }
        } else if (record instanceof ConfigRecord.TaskCommit r) {
            applyCommit(r);
        } else if (record instanceof ConfigRecord.TargetStateChange r) {
            if (r.state() == null) {
                targetStates.remove(r.connector());
            } else {
                targetStates.put(r.connector(), r.state());
            }
            listener.onConnectorTargetStateChange(r.connector());
        } else if (record instanceof ConfigRecord.SessionKeyChange r) {
            sessionKey = r.key();
            listener.onSessionKeyUpdate(r.key());
        } else if (record instanceof ConfigRecord.Restart r) {
            listener.onRestartRequest(r.request());
        } else if (record instanceof ConfigRecord.TaskCountRecord r) {
            taskCountRecords.put(r.connector(), r.taskCount());
            pendingFencing.remove(r.connector());
        } else if (record instanceof ConfigRecord.LoggerLevel r) {
            listener.onLoggingLevelUpdate(r.namespace(), r.level());
        }
    }

    synchronized ClusterConfigState snapshot() {
        if (snapshot == null) {
            snapshot = new ClusterConfigState(offset, sessionKey, connectorConfigs, targetStates, taskCounts,
                    taskConfigs, taskCountRecords, inconsistent, appliedConnectorConfigs, generations, pendingFencing);
        }
        return snapshot;
    }

    private void applyConnectorConfig(ConfigRecord.ConnectorConfig record) {
        String connector = record.connector();
        if (record.properties() != null) {
            connectorConfigs.put(connector, Collections.unmodifiableMap(record.properties()));
            listener.onConnectorConfigUpdate(connector);
            return;
        }
        // A deleted connector takes its tasks along, although their records stay in the topic. Its fencing
        // bookkeeping stays, as in Kafka Connect: producers of a deleted generation may still linger, and a
        // connector created again under the name must fence them before its first tasks start.
        connectorConfigs.remove(connector);
        targetStates.remove(connector);
        taskCounts.remove(connector);
        inconsistent.remove(connector);
        appliedConnectorConfigs.remove(connector);
        deferredTasks.remove(connector);
        taskConfigs.keySet().removeIf(id -> id.connector().equals(connector));
        listener.onConnectorConfigRemove(connector);
    }

    private void applyCommit(ConfigRecord.TaskCommit commit) {
        String connector = commit.connector();
        // Every commit starts a generation an exactly-once leader must fence before its tasks run.
        pendingFencing.add(connector);
        Map<Integer, Map<String, String>> deferred = deferredTasks.remove(connector);
        if (deferred == null) {
            deferred = Map.of();
        }
        for (int task = 0; task < commit.tasks(); task++) {
            if (!deferred.containsKey(task)) {
                // Compaction or an interrupted leader lost part of this set; wait for a complete one.
                log.warn("Commit of {} task configs for connector {} lacks task {}; its tasks stay as they were"
                        + " until a complete set is committed", commit.tasks(), connector, task);
                inconsistent.add(connector);
                return;
            }
        }
        List<ConnectorTaskId> changed = new ArrayList<>();
        taskConfigs.keySet().removeIf(id -> {
            boolean remove = id.connector().equals(connector);
            if (remove) {
                changed.add(id);
            }
            return remove;
        });
        for (int task = 0; task < commit.tasks(); task++) {
            ConnectorTaskId id = new ConnectorTaskId(connector, task);
            taskConfigs.put(id, deferred.get(task));
            if (!changed.contains(id)) {
                changed.add(id);
            }
        }
        taskCounts.put(connector, commit.tasks());
        inconsistent.remove(connector);
        generations.merge(connector, 0, (previous, first) -> previous + 1);
        Map<String, String> applied = connectorConfigs.get(connector);
        if (applied == null) {
            appliedConnectorConfigs.remove(connector);
        } else {
            appliedConnectorConfigs.put(connector, applied);
        }
        listener.onTaskConfigUpdate(List.copyOf(changed));
    }
}
