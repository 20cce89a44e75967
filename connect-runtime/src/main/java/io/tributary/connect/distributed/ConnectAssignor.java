package io.tributary.connect.distributed;

import java.util.Map;

/** The leader's strategy for sharing connectors and tasks among the members of one rebalance. */
public interface ConnectAssignor {

    /** An assignment for every member of the round, keyed by member id. */
    Map<String, Assignment> assign(AssignmentRound round);
}
