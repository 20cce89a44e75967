package io.tributary.connect.storage;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;

import java.util.Map;

/** One decoded record of the config topic; a null payload stands for a tombstone. */
public sealed interface ConfigRecord {

    /** {@code connector-<name>}: the connector's config, or null once it is deleted. */
    record ConnectorConfig(String connector, Map<String, String> properties) implements ConfigRecord {
    }

    /** {@code task-<name>-<n>}: one task's config, current only once a commit covers it. */
    record TaskConfig(ConnectorTaskId id, Map<String, String> properties) implements ConfigRecord {
    }

    /** {@code commit-<name>}: the preceding task configs 0..tasks-1 form the connector's new task set. */
    record TaskCommit(String connector, int tasks) implements ConfigRecord {
    }

    /** {@code target-state-<name>}: the requested state, or null once the connector is deleted. */
    record TargetStateChange(String connector, TargetState state) implements ConfigRecord {
    }

    /** {@code session-key}. */
    record SessionKeyChange(SessionKey key) implements ConfigRecord {
    }

    /** {@code restart-connector-<name>}. */
    record Restart(RestartRequest request) implements ConfigRecord {
    }

    /** {@code tasks-fencing-<name>}: task count recorded once the previous generation's producers were fenced. */
    record TaskCountRecord(String connector, int taskCount) implements ConfigRecord {
    }

    /** {@code logger-cluster-<namespace>}: a cluster-wide log level. */
    record LoggerLevel(String namespace, String level) implements ConfigRecord {
    }
}
