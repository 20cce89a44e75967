package org.apache.kafka.connect.health;

import java.util.Map;
import java.util.Objects;

/** The health of one connector: its own state plus the state of each of its tasks. */
public class ConnectorHealth {

    private final String name;
    private final ConnectorState connectorState;
    private final Map<Integer, TaskState> tasks;
    private final ConnectorType type;

    public ConnectorHealth(String name, ConnectorState connectorState,
                           Map<Integer, TaskState> tasks, ConnectorType type) {
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("Connector name is required");
        }
        this.name = name;
        this.connectorState = Objects.requireNonNull(connectorState, "connectorState can't be null");
        this.tasks = Objects.requireNonNull(tasks, "tasks can't be null");
        this.type = Objects.requireNonNull(type, "type can't be null");
    }

    public String name() {
        return name;
    }

    public ConnectorState connectorState() {
        return connectorState;
    }

    /** Task states keyed by task id. */
    public Map<Integer, TaskState> tasksState() {
        return tasks;
    }

    public ConnectorType type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        ConnectorHealth that = (ConnectorHealth) o;
        return name.equals(that.name)
                && connectorState.equals(that.connectorState)
                && tasks.equals(that.tasks)
                && type == that.type;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, connectorState, tasks, type);
    }

    @Override
    public String toString() {
        return "ConnectorHealth{"
                + "name='" + name + '\''
                + ", connectorState=" + connectorState
                + ", tasks=" + tasks
                + ", type=" + type
                + '}';
    }
}
