package io.tributary.connect.worker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.tributary.connect.model.ConnectorTaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every source task's acknowledged offsets promptly (see {@link OffsetCommitCadence}), on a thread
 * of its own so that offset I/O never holds up a task's poll loop. A task's writes never overlap: each
 * check runs on this one thread and waits for its write.
 */
final class SourceTaskOffsetCommitter {

    private static final Logger log = LoggerFactory.getLogger(SourceTaskOffsetCommitter.class);

    /**
     * Least time between two early offset writes of a task. A killed worker replays about this much of a
     * task's output (plus one write's latency), while a busy task writes one small offset record per source
     * partition at most twenty times a second.
     */
    static final long MIN_SPACING_MS = 50;

    private final long intervalMs;
    private final long minSpacingMs;
    private final LongSupplier clock;
    private final ScheduledExecutorService scheduler;
    private final Map<ConnectorTaskId, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();

    SourceTaskOffsetCommitter(long intervalMs) {
        this(intervalMs, MIN_SPACING_MS, System::currentTimeMillis);
    }

    SourceTaskOffsetCommitter(long intervalMs, long minSpacingMs, LongSupplier clock) {
        this.intervalMs = intervalMs;
        this.minSpacingMs = minSpacingMs;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "source-offset-committer");
            thread.setDaemon(true);
            return thread;
        });
    }

    void schedule(ConnectorTaskId id, SourceOffsetFlusher flusher) {
        TaskCommits commits = commitsOf(id, flusher);
        long every = commits.cadence.checkEveryMs();
        scheduled.put(id, scheduler.scheduleWithFixedDelay(commits::check, every, every, TimeUnit.MILLISECONDS));
    }

    /** The scheduled work of one task, to be checked repeatedly. */
    TaskCommits commitsOf(ConnectorTaskId id, SourceOffsetFlusher flusher) {
        return new TaskCommits(id, flusher, new OffsetCommitCadence(minSpacingMs, intervalMs, clock.getAsLong()));
    }

    /** Stops the flushes of a task; a flush already running finishes first (the flusher is locked). */
    void remove(ConnectorTaskId id) {
        ScheduledFuture<?> future = scheduled.remove(id);
        if (future != null) {
            future.cancel(false);
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

        private TaskCommits(ConnectorTaskId id, SourceOffsetFlusher flusher, OffsetCommitCadence cadence) {
            this.id = id;
            this.flusher = flusher;
            this.cadence = cadence;
        }

        void check() {
            long now = clock.getAsLong();
            if (!cadence.isDue(now, flusher.hasUncommitted())) {
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
