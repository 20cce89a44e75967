package io.tributary.connect.distributed;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cooperative protocols' assignor (KIP-415). Members keep what they run; each round the leader revokes
 * only work that was deleted, duplicated or must move for balance, and hands out new work least-loaded
 * first. Work of a member that left is held back up to {@code scheduled.rebalance.max.delay.ms} so a
 * returning member gets it again instead of the whole cluster reshuffling. Revoked work is handed out in
 * the follow-up round, once its old owner has confirmed it stopped.
 *
 * <p>The assignor remembers the previous round, so one instance lives as long as its worker.
 */
public final class IncrementalCooperativeAssignor implements ConnectAssignor {

    private static final Logger log = LoggerFactory.getLogger(IncrementalCooperativeAssignor.class);

    private final Time time;
    private final RebalancePacing pacing;
    private ConnectorsAndTasks previousAssignment = ConnectorsAndTasks.NONE;
    private Set<String> previousMembers = Set.of();
    private int previousGeneration = -1;

    public IncrementalCooperativeAssignor(Time time, int maxDelayMs) {
        this.time = time;
        this.pacing = new RebalancePacing(maxDelayMs);
    }

    @Override
    public Map<String, Assignment> assign(AssignmentRound round) {
        long now = time.milliseconds();
        if (round.lastCompletedGeneration() != previousGeneration) {
            // Another leader may have assigned since we last did; our memory of the group is stale.
            log.debug("Forgetting the previous assignment: last completed generation {} is not {}",
                round.lastCompletedGeneration(), previousGeneration);
            previousAssignment = ConnectorsAndTasks.NONE;
        }
        List<WorkerLoad> workers = loads(round);
        ConnectorsAndTasks configured = ConnectorsAndTasks.of(round.config());
        ConnectorsAndTasks running = running(workers);
        ConnectorsAndTasks deleted = previousAssignment.minus(configured);
        ConnectorsAndTasks lost = previousAssignment.minus(running).minus(deleted);
        ConnectorsAndTasks created = configured.minus(previousAssignment).minus(running);

        revokeDeleted(workers, deleted);
        revokeDuplicates(workers);

        ConnectorsAndTasks toAssign = created;
        ConnectorsAndTasks stillLost = ConnectorsAndTasks.NONE;
        if (lost.isEmpty()) {
            pacing.noLostWork(now);
        } else {
            boolean departed = !round.members().keySet().containsAll(previousMembers);
            switch (pacing.lostWork(now, departed, workers)) {
                case REASSIGN_NOW -> toAssign = toAssign.plus(lost);
                case GIVE_TO_CANDIDATES -> toAssign = toAssign.plus(giveToCandidates(workers, lost));
                case HOLD_BACK -> stillLost = lost;
            }
        }

        List<WorkerLoad> balanceOrder = balanceOrder(workers);
        Map<WorkerLoad, List<String>> connectorExcess =
            WorkKind.CONNECTORS.excess(balanceOrder, configured.connectors().size());
        Map<WorkerLoad, List<ConnectorTaskId>> taskExcess = WorkKind.TASKS.excess(balanceOrder, configured.tasks().size());
        boolean balancingNeeded = !connectorExcess.isEmpty() || !taskExcess.isEmpty();
        if (pacing.mayRevokeForBalance(now, balancingNeeded)) {
            log.debug("Revoking for balance: connectors {}, tasks {}", connectorExcess, taskExcess);
            WorkKind.CONNECTORS.revoke(connectorExcess);
            WorkKind.TASKS.revoke(taskExcess);
        }

        WorkKind.CONNECTORS.spread(workers, sorted(toAssign.connectors()));
        WorkKind.TASKS.spread(workers, sorted(toAssign.tasks()));

        previousAssignment = running(workers).plus(stillLost);
        previousMembers = new HashSet<>(round.members().keySet());
        previousGeneration = round.generation();
        return assignments(round, workers, pacing.delayMs());
    }

    private static List<WorkerLoad> loads(AssignmentRound round) {
        List<WorkerLoad> workers = new ArrayList<>();
        round.members().forEach((member, state) -> workers.add(
            new WorkerLoad(member, state.assignment().connectors(), state.assignment().tasks())));
        return workers;
    }

    /**
     * The order in which over-loaded members are offered the extra slots of a fair share: hash order of their
     * ids, which reproduced Kafka Connect's choices in our side-by-side runs where plain id order did not.
     */
    private static List<WorkerLoad> balanceOrder(List<WorkerLoad> workers) {
        Map<String, WorkerLoad> byId = new HashMap<>();
        workers.forEach(w -> byId.put(w.member(), w));
        return new ArrayList<>(byId.values());
    }

    private static ConnectorsAndTasks running(List<WorkerLoad> workers) {
        ConnectorsAndTasks running = ConnectorsAndTasks.NONE;
        for (WorkerLoad worker : workers) {
            running = running.plus(ConnectorsAndTasks.of(worker.connectors(), worker.tasks()));
        }
        return running;
    }

    private static void revokeDeleted(List<WorkerLoad> workers, ConnectorsAndTasks deleted) {
        for (WorkerLoad worker : workers) {
            new ArrayList<>(worker.connectors()).stream().filter(deleted::contains).forEach(worker::revoke);
            new ArrayList<>(worker.tasks()).stream().filter(deleted::contains).forEach(worker::revoke);
        }
    }

    /** Work two members both claim is stopped on both; it comes back as new work next round. */
    private static void revokeDuplicates(List<WorkerLoad> workers) {
        Map<String, Integer> connectorClaims = new HashMap<>();
        Map<ConnectorTaskId, Integer> taskClaims = new HashMap<>();
        for (WorkerLoad worker : workers) {
            worker.connectors().forEach(c -> connectorClaims.merge(c, 1, Integer::sum));
            worker.tasks().forEach(t -> taskClaims.merge(t, 1, Integer::sum));
        }
        for (WorkerLoad worker : workers) {
            new ArrayList<>(worker.connectors()).stream().filter(c -> connectorClaims.get(c) > 1).forEach(worker::revoke);
            new ArrayList<>(worker.tasks()).stream().filter(t -> taskClaims.get(t) > 1).forEach(worker::revoke);
        }
    }

    /**
     * The held-back work once its delay has passed: dealt round-robin to the members that were idle while
     * it waited, in the order they were first seen idle (most likely the departed member, back under a new id); to everyone if none remain.
     */
    private ConnectorsAndTasks giveToCandidates(List<WorkerLoad> workers, ConnectorsAndTasks lost) {
        Set<String> candidateIds = pacing.takeCandidates();
        Map<String, WorkerLoad> present = new HashMap<>();
        workers.forEach(w -> present.put(w.member(), w));
        List<WorkerLoad> candidates = candidateIds.stream().filter(present::containsKey).map(present::get).toList();
        if (candidates.isEmpty()) {
            return lost;
        }
        log.debug("Giving lost work {} to returning members {}", lost, candidateIds);
        int next = 0;
        for (String connector : sorted(lost.connectors())) {
            candidates.get(next++ % candidates.size()).assign(connector);
        }
        next = 0;
        for (ConnectorTaskId task : sorted(lost.tasks())) {
            candidates.get(next++ % candidates.size()).assign(task);
        }
        return ConnectorsAndTasks.NONE;
    }

    private static Map<String, Assignment> assignments(AssignmentRound round, List<WorkerLoad> workers, int delay) {
        Map<String, Assignment> result = new LinkedHashMap<>();
        for (WorkerLoad worker : workers) {
            result.put(worker.member(), new Assignment(round.protocol().version(), Assignment.NO_ERROR,
                round.leaderId(), round.leaderUrl(), round.configOffset(), worker.newConnectors(), worker.newTasks(),
                worker.revokedConnectors(), worker.revokedTasks(), delay));
        }
        return result;
    }

    private static <T extends Comparable<T>> List<T> sorted(Set<T> items) {
        List<T> list = new ArrayList<>(items);
        list.sort(null);
        return list;
    }
}
