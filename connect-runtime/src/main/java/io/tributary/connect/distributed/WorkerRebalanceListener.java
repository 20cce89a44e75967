package io.tributary.connect.distributed;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.Collection;

/**
 * How membership tells the herder about rebalances. Called on the thread that calls
 * {@link WorkerGroupMember#poll}; implementations should act (or queue the action) before returning,
 * since under the eager protocol the group waits for revoked work to stop.
 */
public interface WorkerRebalanceListener {

    /**
     * A rebalance completed. {@code assignment} lists everything this member should now run (under the
     * cooperative protocols: what it kept plus what is new), the leader and its URL, the config offset to
     * read up to before starting work, any error, and the delay after which the group will rebalance again.
     */
    void onAssigned(Assignment assignment, int generation);

    /** Stop this work now: it was revoked, or this member lost contact with the group. */
    void onRevoked(String leader, Collection<String> connectors, Collection<ConnectorTaskId> tasks);

    /** This member is about to (re)join the group: a rebalance begins. */
    default void onRebalanceStarting() {
    }

    /** The herder did not poll within the rebalance timeout, so this member has left the group. */
    default void onPollTimeoutExpiry() {
    }
}
