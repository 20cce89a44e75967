package io.tributary.connect.distributed;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.List;
import java.util.Objects;

/**
 * What the leader tells one member after a rebalance. Under the eager protocol it is the member's whole
 * share and nothing is revoked; under the cooperative protocols it lists only newly assigned work plus
 * the work to stop, and a delay after which the member should rejoin (0 for none).
 *
 * @param version      the protocol version the assignment was encoded with (0, 1 or 2)
 * @param error        {@link #NO_ERROR}, or {@link #CONFIG_MISMATCH} when the leader could not read the
 *                     config topic as far as some member already had
 * @param configOffset the config-topic offset the assignment was computed at; members catch up to it
 */
public record Assignment(short version, short error, String leader, String leaderUrl, long configOffset,
                         List<String> connectors, List<ConnectorTaskId> tasks,
                         List<String> revokedConnectors, List<ConnectorTaskId> revokedTasks, int delay) {

    public static final short NO_ERROR = 0;
    public static final short CONFIG_MISMATCH = 1;

    /** The "nothing assigned yet" placeholder a new member advertises; it is encoded as a null allocation. */
    private static final Assignment EMPTY = new Assignment(ConnectProtocolVersion.COMPATIBLE.version(), NO_ERROR,
        null, null, -1L, List.of(), List.of(), List.of(), List.of(), 0);

    public Assignment {
        connectors = List.copyOf(Objects.requireNonNull(connectors, "connectors"));
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
        revokedConnectors = List.copyOf(Objects.requireNonNull(revokedConnectors, "revokedConnectors"));
        revokedTasks = List.copyOf(Objects.requireNonNull(revokedTasks, "revokedTasks"));
    }

    /** An eager (version 0) assignment: the whole share, nothing revoked, no delay. */
    public static Assignment eager(short error, String leader, String leaderUrl, long configOffset,
                                   List<String> connectors, List<ConnectorTaskId> tasks) {
        return new Assignment(ConnectProtocolVersion.EAGER.version(), error, leader, leaderUrl, configOffset,
            connectors, tasks, List.of(), List.of(), 0);
    }

    public static Assignment empty() {
        return EMPTY;
    }

    /** True for the placeholder of a member that holds nothing from any earlier rebalance. */
    public boolean isEmptyPlaceholder() {
        return this == EMPTY;
    }

    public boolean failed() {
        return error != NO_ERROR;
    }

    public boolean hasRevocations() {
        return !revokedConnectors.isEmpty() || !revokedTasks.isEmpty();
    }

    /** The same assignment with other connectors and tasks (used to fold a cooperative delta into a full share). */
    public Assignment withWork(List<String> newConnectors, List<ConnectorTaskId> newTasks) {
        return new Assignment(version, error, leader, leaderUrl, configOffset, newConnectors, newTasks,
            revokedConnectors, revokedTasks, delay);
    }
}
