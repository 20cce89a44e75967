package io.tributary.connect.worker;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.plugins.LoaderSwap;
import io.tributary.connect.storage.SourceOffsetWriter;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a source task's offsets: only those whose records the broker acknowledged, then calls
 * {@link SourceTask#commit()}. Offsets whose write failed or timed out stay pending and go out with
 * the next flush. Runs on the committer thread (and once more on the task thread at stop).
 */
final class SourceOffsetFlusher {

    private static final Logger log = LoggerFactory.getLogger(SourceOffsetFlusher.class);

    private final ConnectorTaskId id;
    private final SubmittedRecords submitted;
    private final SourceOffsetWriter writer;
    private final SourceTask task;
    private final ClassLoader taskLoader;
    private final long timeoutMs;
    private final Time time;
    private final Map<Map<String, Object>, Map<String, Object>> pending = new HashMap<>();
    /** Told the duration and outcome of every offset write. */
    private volatile CommitObserver observer = (durationMs, succeeded) -> { };
    /** Whether {@link #pending} holds offsets, readable without the lock. */
    private volatile boolean hasPending;

    /** Hears how long each offset commit took and whether it succeeded (for the task's metrics). */
    interface CommitObserver {
        void committed(long durationMs, boolean succeeded);
    }

    void observeCommits(CommitObserver observer) {
        this.observer = observer;
    }

    /** Creates the flusher of a task once the task's record tracking exists. */
    interface Factory {
        SourceOffsetFlusher create(ConnectorTaskId id, SubmittedRecords submitted, SourceTask task, ClassLoader loader);
    }

    SourceOffsetFlusher(ConnectorTaskId id, SubmittedRecords submitted, SourceOffsetWriter writer, SourceTask task,
                        ClassLoader taskLoader, long timeoutMs, Time time) {
        this.id = id;
        this.submitted = submitted;
        this.writer = writer;
        this.task = task;
        this.taskLoader = taskLoader;
        this.timeoutMs = timeoutMs;
        this.time = time;
    }

    /**
     * True when offsets of acknowledged records wait to be written. Cheap and never waits for a flush in
     * progress (it decides whether to flush early).
     */
    boolean hasUncommitted() {
        return hasPending || submitted.hasCommittableOffsets();
    }

    /** True when every committable offset reached the store. */
    synchronized boolean flush() {
        try {
            return writeCommittable();
        } finally {
            hasPending = !pending.isEmpty();
        }
    }

    private boolean writeCommittable() {
        SubmittedRecords.CommittableOffsets committable = submitted.committableOffsets();
        pending.putAll(committable.offsets());
        Map<Map<String, Object>, Map<String, Object>> batch = new HashMap<>(pending);
        long started = time.nanoseconds();
        boolean succeeded = false;
        try {
            writer.write(batch).get(timeoutMs, TimeUnit.MILLISECONDS);
            succeeded = true;
        } catch (TimeoutException e) {
            log.error("{} timed out after {} ms writing offsets (offset.flush.timeout.ms); will retry at the next flush",
                    id, timeoutMs);
            return false;
        } catch (ExecutionException e) {
            log.error("{} could not write its offsets; will retry at the next flush", id, e.getCause());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            log.error("{} produced offsets that cannot be stored; they are dropped", id, e);
            pending.clear();
            return false;
        } finally {
            // A flush with nothing to write is not a commit Kafka Connect counts.
            if (!batch.isEmpty()) {
                observer.committed(TimeUnit.NANOSECONDS.toMillis(time.nanoseconds() - started), succeeded);
            }
        }
        batch.forEach(pending::remove);
        log.debug("{} committed offsets of {} partitions in {} ms; {} records still awaiting acknowledgement",
                id, batch.size(), TimeUnit.NANOSECONDS.toMillis(time.nanoseconds() - started), committable.pending());
        commitTask();
        return true;
    }

    private void commitTask() {
        try (LoaderSwap ignored = LoaderSwap.swapTo(taskLoader)) {
            task.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            log.error("{} threw from commit() after its offsets were committed", id, t);
        }
    }
}
