package io.tributary.connect.distributed;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.utils.ExponentialBackoff;

/**
 * The cooperative leader's timing decisions across rounds: how long work of departed members is held
 * back (up to {@code scheduled.rebalance.max.delay.ms}, so a bounced worker can pick it up again), and
 * when balancing revocations must wait because the previous round revoked too (exponential backoff, so
 * members joining one after another do not cause a storm of revoking rebalances).
 */
final class RebalancePacing {

    /** Where the leader stands between rounds. */
    enum Phase {
        /** Nothing pending and the last round revoked nothing: balancing may revoke now. */
        STEADY,
        /** The last round revoked for balance; another balancing revocation now would be consecutive. */
        REVOKED,
        /** Consecutive balancing revocations were put off until {@code scheduledAt}. */
        BACKING_OFF,
        /** A rejoin is scheduled (lost work held back, or a back-off already honoured once). */
        WAITING
    }

    /** What to do with work whose owner disappeared. */
    enum LostWorkAction { REASSIGN_NOW, GIVE_TO_CANDIDATES, HOLD_BACK }

    private static final long BACKOFF_INITIAL_MS = 1;
    private static final int BACKOFF_MULTIPLIER = 40;

    private final int maxDelayMs;
    private final ExponentialBackoff revocationBackoff;
    private final Set<String> candidates = new LinkedHashSet<>();
    private Phase phase = Phase.STEADY;
    private long scheduledAt;
    private int successiveRevokingRounds;
    private int delayMs;

    RebalancePacing(int maxDelayMs) {
        this.maxDelayMs = maxDelayMs;
        this.revocationBackoff = maxDelayMs > 0
            ? new ExponentialBackoff(BACKOFF_INITIAL_MS, BACKOFF_MULTIPLIER, maxDelayMs, 0) : null;
    }

    /** Starts a round in which every previously assigned item is still owned by someone. */
    void noLostWork(long now) {
        delayMs = 0;
        if (phase == Phase.BACKING_OFF && now < scheduledAt) {
            delayMs = (int) (scheduledAt - now);
        } else if (scheduledAt != 0) {
            clearSchedule();
            phase = Phase.STEADY;
        }
    }

    /**
     * Starts a round in which some work has no owner. Work lost without anyone leaving (a member missed
     * its assignment) is reassigned at once; otherwise it waits for the scheduled delay to pass, noting
     * idle members meanwhile as the likely returners.
     */
    LostWorkAction lostWork(long now, boolean memberDeparted, List<WorkerLoad> workers) {
        delayMs = 0;
        if ((scheduledAt == 0 && !memberDeparted) || maxDelayMs == 0) {
            return LostWorkAction.REASSIGN_NOW;
        }
        if (scheduledAt != 0 && now >= scheduledAt) {
            phase = Phase.STEADY;
            return LostWorkAction.GIVE_TO_CANDIDATES;
        }
        for (WorkerLoad worker : workers) {
            if (worker.isIdle()) {
                candidates.add(worker.member());
            }
        }
        delayMs = scheduledAt != 0 ? (int) (scheduledAt - now) : maxDelayMs;
        scheduledAt = now + delayMs;
        return LostWorkAction.HOLD_BACK;
    }

    /** Members that were idle while lost work was held back, in member order; consumed at expiry. */
    Set<String> takeCandidates() {
        Set<String> taken = new LinkedHashSet<>(candidates);
        clearSchedule();
        return taken;
    }

    /**
     * Decides whether this round may revoke for balance. Returns false (and schedules a rejoin) when a delay
     * is pending or when revoking now would follow a revoking round too soon.
     */
    boolean mayRevokeForBalance(long now, boolean balancingNeeded) {
        if (delayMs > 0) {
            phase = Phase.WAITING;
            return false;
        }
        if (!balancingNeeded) {
            if (phase == Phase.REVOKED) {
                successiveRevokingRounds = 0;
            }
            phase = Phase.STEADY;
            return false;
        }
        if (phase == Phase.REVOKED || phase == Phase.BACKING_OFF) {
            successiveRevokingRounds++;
            int backoff = revocationBackoff == null ? 0 : (int) revocationBackoff.backoff(successiveRevokingRounds);
            if (backoff > 0) {
                delayMs = backoff;
                scheduledAt = now + backoff;
                phase = Phase.BACKING_OFF;
                return false;
            }
        }
        phase = Phase.REVOKED;
        return true;
    }

    /** The delay to send to every member this round: rejoin after it (0 for no scheduled rejoin). */
    int delayMs() {
        return delayMs;
    }

    private void clearSchedule() {
        scheduledAt = 0;
        candidates.clear();
    }
}
