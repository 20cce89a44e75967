package io.tributary.connect.worker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.tributary.connect.model.ConnectorTaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flushes every source task's offsets each {@code offset.flush.interval.ms}, on a thread of its own
 * so that offset I/O never holds up a task's poll loop.
 */
final class SourceTaskOffsetCommitter {

    private static final Logger log = LoggerFactory.getLogger(SourceTaskOffsetCommitter.class);

    private final long intervalMs;
    private final ScheduledExecutorService scheduler;
    private final Map<ConnectorTaskId, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();

    SourceTaskOffsetCommitter(long intervalMs) {
        this.intervalMs = intervalMs;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "source-offset-committer");
            thread.setDaemon(true);
            return thread;
        });
    }

    void schedule(ConnectorTaskId id, SourceOffsetFlusher flusher) {
        scheduled.put(id, scheduler.scheduleWithFixedDelay(() -> {
            try {
                flusher.flush();
            } catch (Throwable t) {
                log.error("Offset commit of {} failed unexpectedly", id, t);
            }
        }, intervalMs, intervalMs, TimeUnit.MILLISECONDS));
    }

    /** Stops the periodic flushes of a task; a flush already running finishes first (the flusher is locked). */
    void remove(ConnectorTaskId id) {
        ScheduledFuture<?> future = scheduled.remove(id);
        if (future != null) {
            future.cancel(false);
        }
    }

    void close() {
        scheduler.shutdownNow();
    }
}
