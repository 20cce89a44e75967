package io.tributary.connect.herder;

import io.tributary.connect.distributed.GroupGeneration;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.storage.ConfigBackingStore;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeoutException;

import io.tributary.connect.logging.PeriodicWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns rebalances into work: revoked work stops at once; a new assignment is applied once the config topic
 * has been read up to the offset the leader assigned at, so no worker starts work from older configs than the
 * leader's. Holds the herder's view of the group: generation, leader and its URL. Herder thread only, except
 * the generation, which status writes read from task threads.
 */
final class RebalanceHandler implements GroupMembership.Listener {

    private static final Logger log = LoggerFactory.getLogger(RebalanceHandler.class);
    /** The longest wait before rejoining after consecutive failed rounds. */
    static final long MISMATCH_BACKOFF_CAP_MS = 10_000;
    /** How often a group that keeps failing to agree is reported. */
    static final long MISMATCH_REPORT_INTERVAL_MS = 30_000;

    private final ConfigBackingStore configStore;
    private final ClusterWork work;
    private final LeaderDuties leader;
    private final GroupMembership membership;
    private final HerderLoop loop;
    private final Duration syncTimeout;
    private final long unsyncBackoffMs;
    private final GroupGeneration generation;
    private final RemovedWorkStatuses removedWorkStatuses;
    private final MismatchBackoff mismatches = new MismatchBackoff(MISMATCH_BACKOFF_CAP_MS);
    private final RebalanceCoalescer coalescer;
    private final PeriodicWarning mismatchWarning;
    /** A failed round's backoff is running: the rejoin is scheduled, and requests wait for it. */
    private boolean awaitingRejoin;
    private WorkAssignment current;
    private WorkAssignment pending;
    private boolean rejoinRequested;
    /** The config offset this worker had read when it last asked for a rebalance. */
    private long rejoinRequestedAtOffset = -1;
    private volatile boolean readyOnce;

    RebalanceHandler(ConfigBackingStore configStore, ClusterWork work, LeaderDuties leader, GroupMembership membership,
                     HerderLoop loop, Duration syncTimeout, long unsyncBackoffMs, GroupGeneration generation,
                     RemovedWorkStatuses removedWorkStatuses) {
        this.configStore = configStore;
        this.work = work;
        this.leader = leader;
        this.membership = membership;
        this.loop = loop;
        this.syncTimeout = syncTimeout;
        this.unsyncBackoffMs = unsyncBackoffMs;
        this.generation = generation;
        this.removedWorkStatuses = removedWorkStatuses;
        this.mismatchWarning = new PeriodicWarning(log, loop.time(), MISMATCH_REPORT_INTERVAL_MS);
        this.coalescer = new RebalanceCoalescer(configStore::snapshot, loop.time(), this::requestRebalance, loop,
                () -> inSync() && loop.hasQueuedRequests());
    }

    /** The leader's REST URL in the current generation; null while none is known. */
    String leaderUrl() {
        return current == null ? null : current.leaderUrl();
    }

    boolean isLeader() {
        return current != null && leader.isLeader();
    }

    /** True once an assignment was applied and no rebalance is pending: requests may run. */
    boolean inSync() {
        return current != null && pending == null && !rejoinRequested && !awaitingRejoin;
    }

    boolean wasEverInSync() {
        return readyOnce;
    }

    /** Asks for a rebalance (the connectors or tasks to assign changed); requests wait until it completes. */
    void requestRebalance(String why) {
        if (!rejoinRequested) {
            log.info("Requesting a rebalance: {}", why);
        }
        rejoinRequested = true;
        rejoinRequestedAtOffset = Math.max(rejoinRequestedAtOffset, configStore.snapshot().offset());
        membership.requestRejoin();
    }

    /**
     * The connectors or tasks to assign changed: a rebalance is wanted, and asked for by {@link #requestWantedIfDue()}
     * (see {@link RebalanceCoalescer}). Until then requests keep running.
     */
    void wantRebalance(String why) {
        coalescer.want(why);
    }

    /** Connectors this worker has just read the creation of, having read the config topic up to {@code offset}. */
    void connectorsCreated(Collection<String> connectors, long offset) {
        coalescer.connectorsCreated(connectors, offset);
    }

    /** A connector creation this worker serves as the leader has begun (it validates before it writes). */
    void creationStarted() {
        coalescer.creationStarted();
    }

    /** A creation begun with {@link #creationStarted()} was written or failed. */
    void creationEnded() {
        coalescer.creationEnded();
    }

    /** Asks for a wanted rebalance unless it is held back for connectors' first tasks; called each turn. */
    void requestWantedIfDue() {
        coalescer.requestIfDue();
    }

    @Override
    public void onRevoked(Collection<String> connectors, Collection<ConnectorTaskId> tasks) {
        if (!connectors.isEmpty() || !tasks.isEmpty()) {
            log.info("Stopping revoked work: connectors {}, tasks {}", connectors, tasks);
        }
        HerderStage previous = loop.currentStage().orElse(null);
        loop.enterStage("stopping connectors and tasks that are no longer its own");
        try {
            work.revoke(connectors, tasks);
        } finally {
            loop.restoreStage(previous);
        }
    }

    @Override
    public void onAssigned(WorkAssignment assignment) {
        log.info("Joined generation {} of the group (leader {} at {}): connectors {}, tasks {}",
                assignment.generation(), assignment.leader(), assignment.leaderUrl(), assignment.connectors(),
                assignment.tasks());
        generation.joined(assignment.generation());
        if (rejoinRequested && assignment.configOffset() < rejoinRequestedAtOffset) {
            // Asked for while this round was already under way: the leader assigned from configs older than
            // the change that needs the rebalance, so the group must go round once more.
            log.info("Generation {} was assigned from config offset {}, before the change at offset {} that asked "
                    + "for a rebalance; rejoining", assignment.generation(), assignment.configOffset(),
                    rejoinRequestedAtOffset);
            membership.requestRejoin();
        } else {
            rejoinRequested = false;
        }
        pending = assignment;
        current = assignment;
        try {
            leader.leadershipIs(assignment.isLeader());
        } catch (RuntimeException e) {
            // Never let a failed claim escape into the group machinery that called us; a rejoin retries it.
            log.error("Could not take up the leader's duties in generation {}", assignment.generation(), e);
            requestRebalance("taking up the leader's duties failed");
        }
    }

    /** Applies a pending assignment once caught up with the config topic; called each turn. */
    void applyPending() {
        if (pending == null) {
            return;
        }
        WorkAssignment assignment = pending;
        if (assignment.failed()) {
            long delayMs = mismatches.failedRound();
            catchUp();
            pending = null;
            mismatchWarning.warn("Generation {} failed: its leader could only read the config topic to offset {}, "
                    + "behind a member; this worker has read to offset {}. Rejoining in {} ms ({} failed round(s) in "
                    + "a row)", assignment.generation(), assignment.configOffset(), configStore.snapshot().offset(),
                    delayMs, mismatches.failedRounds());
            if (delayMs == 0) {
                requestRebalance("the leader was behind on the config topic");
            } else {
                awaitingRejoin = true;
                loop.schedule(delayMs, () -> {
                    awaitingRejoin = false;
                    requestRebalance("retrying after a failed assignment");
                });
            }
            return;
        }
        if (configStore.snapshot().offset() < assignment.configOffset() && !catchUp()) {
            pending = null;
            log.warn("This worker could not read the config topic up to offset {} within worker.sync.timeout.ms={}; "
                    + "it starts no work and rejoins the group in worker.unsync.backoff.ms={} ms",
                    assignment.configOffset(), syncTimeout.toMillis(), unsyncBackoffMs);
            loop.schedule(unsyncBackoffMs, () -> requestRebalance("retrying after falling behind the config topic"));
            return;
        }
        pending = null;
        mismatches.reset();
        mismatchWarning.reset();
        work.assign(assignment.connectors(), assignment.tasks());
        coalescer.assigned(assignment.configOffset());
        if (assignment.isLeader()) {
            removedWorkStatuses.removeAbsentFrom(configStore.snapshot());
        }
        readyOnce = true;
    }

    private boolean catchUp() {
        try {
            configStore.refresh(syncTimeout);
            return true;
        } catch (TimeoutException | RuntimeException e) {
            log.debug("Reading the config topic to its end failed", e);
            return false;
        }
    }
}
