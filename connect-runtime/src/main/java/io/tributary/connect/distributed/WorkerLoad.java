package io.tributary.connect.distributed;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One member's work while the leader computes a round: what it runs (in the order it reported), what it is
 * newly given and what it must stop. Mutable and confined to one assignment computation.
 */
final class WorkerLoad {

    private final String member;
    private final List<String> connectors;
    private final List<ConnectorTaskId> tasks;
    private final List<String> newConnectors = new ArrayList<>();
    private final List<ConnectorTaskId> newTasks = new ArrayList<>();
    private final List<String> revokedConnectors = new ArrayList<>();
    private final List<ConnectorTaskId> revokedTasks = new ArrayList<>();

    WorkerLoad(String member, Collection<String> connectors, Collection<ConnectorTaskId> tasks) {
        this.member = member;
        this.connectors = new ArrayList<>(connectors);
        this.tasks = new ArrayList<>(tasks);
    }

    String member() {
        return member;
    }

    /** Connectors it runs after this round, in reported order then newly assigned. */
    List<String> connectors() {
        return connectors;
    }

    List<ConnectorTaskId> tasks() {
        return tasks;
    }

    boolean isIdle() {
        return connectors.isEmpty() && tasks.isEmpty();
    }

    void assign(String connector) {
        connectors.add(connector);
        newConnectors.add(connector);
    }

    void assign(ConnectorTaskId task) {
        tasks.add(task);
        newTasks.add(task);
    }

    /**
     * Stops the connector here; it no longer counts towards this member's load. Work given in this same
     * round is taken back too, and still reported as revoked.
     */
    void revoke(String connector) {
        if (connectors.remove(connector)) {
            newConnectors.remove(connector);
            revokedConnectors.add(connector);
        }
    }

    void revoke(ConnectorTaskId task) {
        if (tasks.remove(task)) {
            newTasks.remove(task);
            revokedTasks.add(task);
        }
    }

    List<String> newConnectors() {
        return newConnectors;
    }

    List<ConnectorTaskId> newTasks() {
        return newTasks;
    }

    List<String> revokedConnectors() {
        return revokedConnectors;
    }

    List<ConnectorTaskId> revokedTasks() {
        return revokedTasks;
    }
}
