package io.tributary.connect.herder;

import io.tributary.connect.distributed.WorkOwners;
import io.tributary.connect.model.ConnectorTaskId;

import java.util.Collection;

/**
 * What the distributed herder needs from its membership in the Connect group. Only the herder thread calls
 * it, except {@link #wakeup()}; the listener hears about rebalances from inside {@link #poll}.
 */
public interface GroupMembership extends AutoCloseable {

    /** Must be set before the first poll. */
    void setListener(Listener listener);

    /**
     * Takes part in the group for up to {@code timeoutMs}: joins, heartbeats, rebalances. Throws
     * {@link org.apache.kafka.common.errors.WakeupException} when {@link #wakeup()} ends it early.
     */
    void poll(long timeoutMs);

    /** Ends a blocked poll early; safe from any thread. */
    void wakeup();

    /** Asks for a rebalance at the next poll, e.g. after connectors or their task counts changed. */
    void requestRejoin();

    /** This member's id in the current generation; empty before the first join. */
    String memberId();

    /**
     * Who runs each connector and task, known only while this worker leads the current generation; {@link
     * WorkOwners#UNKNOWN} otherwise.
     */
    default WorkOwners owners() {
        return WorkOwners.UNKNOWN;
    }

    /** The Connect protocol the group uses, in capitals as Kafka Connect reports it (e.g. "SESSIONED"). */
    default String protocol() {
        return null;
    }

    /** Leaves the group (so the others rebalance at once) and releases the connection. */
    @Override
    void close();

    /** Rebalance callbacks, on the herder thread. */
    interface Listener {

        /** A rebalance completed: this is now the worker's whole share. */
        void onAssigned(WorkAssignment assignment);

        /** This worker is about to (re)join the group: a rebalance begins. */
        default void onRebalanceStarting() {
        }

        /** Stop this work now: it moves elsewhere, or this worker lost contact with the group. */
        void onRevoked(Collection<String> connectors, Collection<ConnectorTaskId> tasks);
    }
}
