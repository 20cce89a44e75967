package io.tributary.connect.herder;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.storage.ClusterConfigState;
import io.tributary.connect.storage.ConfigBackingStore;
import io.tributary.connect.worker.ExactlyOncePreflight;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks around the producer of an exactly-once source task started on this worker, as Kafka Connect makes
 * them. Before: the leader fences out the connector's previous task generation (asked over REST when another
 * worker leads), so that no zombie can commit after this task starts. After the producer claimed the task's
 * transactional id: the config topic is read to its end, and the task must still belong to the newest generation of
 * its connector's task configs and to this worker; otherwise a newer instance exists or is coming and this one fails
 * rather than writing. Both run on the task's thread and wait for the herder's.
 */
final class ExactlyOnceTaskChecks {

    private static final Logger log = LoggerFactory.getLogger(ExactlyOnceTaskChecks.class);

    private final Function<String, CompletableFuture<Void>> fence;
    private final ConfigBackingStore store;
    private final HerderLoop loop;
    private final Supplier<Set<ConnectorTaskId>> assigned;
    private final Duration timeout;

    /**
     * @param fence    asks the leader to fence a connector's zombies (directly when this worker leads)
     * @param assigned the tasks this worker runs now; read on the herder thread
     * @param timeout  how long each check may wait for the leader or the herder
     */
    ExactlyOnceTaskChecks(Function<String, CompletableFuture<Void>> fence, ConfigBackingStore store, HerderLoop loop,
                          Supplier<Set<ConnectorTaskId>> assigned, Duration timeout) {
        this.fence = fence;
        this.store = store;
        this.loop = loop;
        this.assigned = assigned;
        this.timeout = timeout;
    }

    /** The checks of a task started from this snapshot of the config topic. */
    ExactlyOncePreflight forTask(ConnectorTaskId id, ClusterConfigState snapshot) {
        Integer generation = snapshot.taskConfigGeneration(id.connector());
        return new ExactlyOncePreflight() {
            @Override
            public void beforeProducer() {
                log.debug("Asking the leader to fence out the zombies of connector {} before task {} starts",
                        id.connector(), id);
                await(fence.apply(id.connector()), "Interrupted while attempting to perform round of zombie fencing",
                        "Failed to perform round of zombie fencing");
            }

            @Override
            public void afterProducer() {
                try {
                    store.refresh(timeout);
                } catch (TimeoutException e) {
                    throw new ConnectException("Failed to read to end of config topic", e);
                }
                await(loop.submit(() -> verify(id, generation)),
                        "Interrupted while performing preflight check for task " + id,
                        "Failed to perform preflight check for task " + id);
            }
        };
    }

    private Void verify(ConnectorTaskId id, Integer generation) {
        if (!Objects.equals(generation, store.snapshot().taskConfigGeneration(id.connector()))) {
            throw new ConnectException("Cannot start source task " + id + " with exactly-once support as the "
                    + "connector has already generated a new set of task configs");
        }
        if (!assigned.get().contains(id)) {
            throw new ConnectException("Cannot start source task " + id + " as it has already been revoked from this "
                    + "worker");
        }
        return null;
    }

    private void await(CompletableFuture<Void> check, String interrupted, String failed) {
        try {
            check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException(interrupted, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof ConnectException connect ? connect : new ConnectException(failed, cause);
        } catch (TimeoutException e) {
            throw new ConnectException(failed + ": no answer within " + timeout.toMillis() + " ms", e);
        }
    }
}
