package io.tributary.connect.worker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.tributary.connect.model.ConnectorTaskId;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every source task's acknowledged offsets promptly (see {@link OffsetCommitCadence}), on a thread
 * of its own so that offset I/O never holds up a task's poll loop. One periodic check goes over all tasks;
 * a task's writes never overlap, as each runs on this one thread and waits for its write.
 */
final class SourceTaskOffsetCommitter {

    private static final Logger log = LoggerFactory.getLogger(SourceTaskOffsetCommitter.class);

    /**
     * Least time between two early offset writes of a task. A killed worker replays about this much of a
     * task's output plus what one write's latency adds; a busy task writes one small record per source
     * partition at most this often, and never while its previous write is still waiting for the store.
     */
    static final long MIN_SPACING_MS = 20;

    private final long intervalMs;
    private final long minSpacingMs;
    private final Time time;
    private final ScheduledExecutorService scheduler;
    private final Map<ConnectorTaskId, TaskCommits> tasks = new ConcurrentHashMap<>();
    private ScheduledFuture<?> checks;

    SourceTaskOffsetCommitter(long intervalMs, Time time) {
        this(intervalMs, MIN_SPACING_MS, time);
    }

    SourceTaskOffsetCommitter(long intervalMs, long minSpacingMs, Time time) {
        this.intervalMs = intervalMs;
        this.minSpacingMs = minSpacingMs;
        this.time = time;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "source-offset-committer");
            thread.setDaemon(true);
            return thread;
        });
    }

    void schedule(ConnectorTaskId id, SourceOffsetFlusher flusher) {
        TaskCommits commits = commitsOf(id, flusher);
        tasks.put(id, commits);
        startChecks(commits.cadence.checkEveryMs());
    }

    /** Started with the first task, so that a worker without source tasks has no timer running. */
    private synchronized void startChecks(long everyMs) {
        if (checks == null) {
            checks = scheduler.scheduleWithFixedDelay(this::checkAll, everyMs, everyMs, TimeUnit.MILLISECONDS);
        }
    }

    private void checkAll() {
        for (TaskCommits commits : tasks.values()) {
            try {
                commits.check();
            } catch (Throwable t) {
                // One task's trouble must not end the periodic checks of every task.
                log.error("Offset commit check of {} failed unexpectedly", commits.id, t);
            }
        }
    }

    /** The scheduled work of one task, to be checked repeatedly. */
    TaskCommits commitsOf(ConnectorTaskId id, SourceOffsetFlusher flusher) {
        return new TaskCommits(id, flusher, new OffsetCommitCadence(minSpacingMs, intervalMs, time.milliseconds()));
    }

    /** Stops the flushes of a task; a flush already running finishes first (the flusher is locked). */
    void remove(ConnectorTaskId id) {
        TaskCommits commits = tasks.remove(id);
        if (commits != null) {
            commits.removed = true;
        }
    }

    void close() {
        scheduler.shutdownNow();
    }

    /** One task's flusher and cadence; {@link #check} flushes when the cadence says so. */
    final class TaskCommits {
        private final ConnectorTaskId id;
        private final SourceOffsetFlusher flusher;
        private final OffsetCommitCadence cadence;
        private volatile boolean removed;

        private TaskCommits(ConnectorTaskId id, SourceOffsetFlusher flusher, OffsetCommitCadence cadence) {
            this.id = id;
            this.flusher = flusher;
            this.cadence = cadence;
        }

        void check() {
            long now = time.milliseconds();
            if (removed || !cadence.isDue(now, flusher.hasUncommitted())) {
                return;
            }
            boolean stored = false;
            try {
                stored = flusher.flush();
            } catch (Throwable t) {
                log.error("Offset commit of {} failed unexpectedly", id, t);
            } finally {
                cadence.written(now, stored);
            }
        }
    }
}
