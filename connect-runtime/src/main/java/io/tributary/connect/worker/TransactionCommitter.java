package io.tributary.connect.worker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.tributary.connect.model.ConnectorTaskId;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.utils.Time;

/**
 * Commits an exactly-once task's transactions on a thread of its own, so that the task thread can poll and convert
 * its next batch while the broker completes the previous commit (markers on every partition of the transaction).
 * The producer holds one transaction at a time: the task thread {@linkplain #await() awaits} the commit before it
 * begins the next transaction or does anything else with the producer. The thread starts with the first commit
 * and ends with {@link #close()}.
 */
final class TransactionCommitter implements AutoCloseable {

    private final ConnectorTaskId id;
    private final Producer<byte[], byte[]> producer;
    private final Time time;
    private ExecutorService thread;
    /** Completes with the time the commit ended at, in milliseconds. */
    private CompletableFuture<Long> pending;

    TransactionCommitter(ConnectorTaskId id, Producer<byte[], byte[]> producer, Time time) {
        this.id = id;
        this.producer = producer;
        this.time = time;
    }

    /** Starts committing the producer's open transaction; at most one commit is pending at a time. */
    void commitInBackground() {
        if (pending != null) {
            throw new IllegalStateException("A commit of " + id + " is already pending");
        }
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(runnable -> {
                Thread committer = new Thread(runnable, "transaction-committer-" + id);
                committer.setDaemon(true);
                return committer;
            });
        }
        CompletableFuture<Long> commit = CompletableFuture.supplyAsync(() -> {
            producer.commitTransaction();
            return time.milliseconds();
        }, thread);
        pending = commit;
    }

    boolean hasPending() {
        return pending != null;
    }

    /**
     * Waits for the pending commit, if any.
     *
     * @return when the commit ended, in milliseconds (now when none was pending)
     * @throws RuntimeException what {@code commitTransaction()} threw, as it threw it
     */
    long await() {
        CompletableFuture<Long> commit = pending;
        if (commit == null) {
            return time.milliseconds();
        }
        pending = null;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return commit.get();
                } catch (InterruptedException e) {
                    // The commit cannot be abandoned half way (the producer would be mid-transaction): finish waiting.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for a pending commit, ignoring its outcome (the task is closing), and ends the thread. */
    @Override
    public void close() {
        try {
            await();
        } catch (RuntimeException | Error ignored) {
            // Whoever needed the outcome awaited it before; a commit that fails now leaves its transaction to abort.
        } finally {
            if (thread != null) {
                thread.shutdown();
            }
        }
    }
}
