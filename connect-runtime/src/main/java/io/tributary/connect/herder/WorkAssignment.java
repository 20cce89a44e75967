package io.tributary.connect.herder;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.Set;

/**
 * The herder's view of one completed rebalance: the whole share this worker should run, who leads and where
 * its REST API is, and how far the config topic must be read before starting work.
 *
 * @param generation   the group generation; statuses are written with it so stale owners cannot overwrite them
 * @param leader       the leader's member id
 * @param leaderUrl    the leader's advertised REST URL, where leader-only requests are forwarded
 * @param configOffset the config-topic offset the leader assigned at
 * @param failed       true when the leader could not read the config topic as far as some member had
 * @param isLeader     whether this worker is the leader
 * @param delayMs      after how long the group will rebalance again (work of a departed member waits); 0 for none
 */
public record WorkAssignment(int generation, String leader, String leaderUrl, long configOffset, boolean failed,
                             boolean isLeader, Set<String> connectors, Set<ConnectorTaskId> tasks, long delayMs) {

    public WorkAssignment {
        connectors = Set.copyOf(connectors);
        tasks = Set.copyOf(tasks);
    }
}
