package io.tributary.connect.distributed;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which member runs each connector and task after a round, by REST URL: what only the leader knows, since it
 * alone sees every member's metadata and assignment. It sends a request for one connector or task (a restart)
 * to the worker that runs it, as Kafka Connect's leader does.
 */
public record WorkOwners(Map<String, String> connectorUrls, Map<ConnectorTaskId, String> taskUrls) {

    public static final WorkOwners UNKNOWN = new WorkOwners(Map.of(), Map.of());

    public WorkOwners {
        connectorUrls = Map.copyOf(connectorUrls);
        taskUrls = Map.copyOf(taskUrls);
    }

    /**
     * The work each member holds once it applies its assignment: under the cooperative protocols what it
     * advertised minus what is revoked plus what is new; under the eager protocol just what it was given.
     */
    static WorkOwners after(Map<String, WorkerState> members, Map<String, Assignment> assignments,
                            ConnectProtocolVersion protocol) {
        Map<String, String> connectors = new HashMap<>();
        Map<ConnectorTaskId, String> tasks = new HashMap<>();
        assignments.forEach((member, assignment) -> {
            WorkerState state = members.get(member);
            if (state == null || assignment.failed()) {
                return;
            }
            List<String> heldConnectors = new ArrayList<>();
            List<ConnectorTaskId> heldTasks = new ArrayList<>();
            if (protocol.cooperative()) {
                heldConnectors.addAll(state.assignment().connectors());
                heldConnectors.removeAll(assignment.revokedConnectors());
                heldTasks.addAll(state.assignment().tasks());
                heldTasks.removeAll(assignment.revokedTasks());
            }
            heldConnectors.addAll(assignment.connectors());
            heldTasks.addAll(assignment.tasks());
            heldConnectors.forEach(connector -> connectors.put(connector, state.url()));
            heldTasks.forEach(task -> tasks.put(task, state.url()));
        });
        return new WorkOwners(connectors, tasks);
    }

    /** The REST URL of the member running the connector, or null when no member does. */
    public String ownerUrl(String connector) {
        return connectorUrls.get(connector);
    }

    public String ownerUrl(ConnectorTaskId task) {
        return taskUrls.get(task);
    }
}
