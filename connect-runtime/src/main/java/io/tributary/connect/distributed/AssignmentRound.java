package io.tributary.connect.distributed;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the leader's assignor sees in one rebalance.
 *
 * @param members               every member's advertised state, ordered by member id (the tie-break order)
 * @param configOffset          the offset the assignments are made at (the highest any member reported)
 * @param config                the leader's config snapshot, at or past {@code configOffset}
 * @param lastCompletedGeneration the generation this leader last completed a join in; tells the assignor
 *                              whether its memory of the previous round is still the group's
 */
public record AssignmentRound(String leaderId, String leaderUrl, ConnectProtocolVersion protocol,
                              Map<String, WorkerState> members, long configOffset, ClusterConfigView config,
                              int generation, int lastCompletedGeneration) {

    public AssignmentRound {
        members = new TreeMap<>(members);
    }
}
