package io.tributary.connect.distributed;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** A set of connectors and a set of tasks, with the set algebra the cooperative assignor works in. */
record ConnectorsAndTasks(Set<String> connectors, Set<ConnectorTaskId> tasks) {

    static final ConnectorsAndTasks NONE = new ConnectorsAndTasks(Set.of(), Set.of());

    ConnectorsAndTasks {
        connectors = Set.copyOf(connectors);
        tasks = Set.copyOf(tasks);
    }

    static ConnectorsAndTasks of(Collection<String> connectors, Collection<ConnectorTaskId> tasks) {
        return new ConnectorsAndTasks(Set.copyOf(connectors), Set.copyOf(tasks));
    }

    static ConnectorsAndTasks of(ClusterConfigView config) {
        Set<ConnectorTaskId> tasks = new LinkedHashSet<>();
        for (String connector : config.connectors()) {
            tasks.addAll(config.tasks(connector));
        }
        return new ConnectorsAndTasks(config.connectors(), tasks);
    }

    boolean isEmpty() {
        return connectors.isEmpty() && tasks.isEmpty();
    }

    boolean contains(String connector) {
        return connectors.contains(connector);
    }

    boolean contains(ConnectorTaskId task) {
        return tasks.contains(task);
    }

    ConnectorsAndTasks minus(ConnectorsAndTasks other) {
        Set<String> c = new LinkedHashSet<>(connectors);
        c.removeAll(other.connectors);
        Set<ConnectorTaskId> t = new LinkedHashSet<>(tasks);
        t.removeAll(other.tasks);
        return new ConnectorsAndTasks(c, t);
    }

    ConnectorsAndTasks plus(ConnectorsAndTasks other) {
        Set<String> c = new LinkedHashSet<>(connectors);
        c.addAll(other.connectors);
        Set<ConnectorTaskId> t = new LinkedHashSet<>(tasks);
        t.addAll(other.tasks);
        return new ConnectorsAndTasks(c, t);
    }
}
