package io.tributary.connect.herder;

import io.tributary.connect.model.ConnectorType;
import io.tributary.connect.storage.ClusterConfigState;
import io.tributary.connect.storage.ConfigBackingStore;
import io.tributary.connect.worker.Worker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's zombie fencing (KIP-618): before a new generation of a source connector's exactly-once tasks may
 * write, the transactional producers of the previous generation (as many as the last task count record says) are
 * fenced out, and the new generation's task count is recorded in the config topic ({@code tasks-fencing-<name>}).
 * Nothing is fenced when no generation is pending, or when the connector runs for the first time (no task count
 * recorded yet) or stays at one task (its one transactional id is fenced by the new task's own producer); the count
 * is then simply recorded. Fencings of one connector asked for at once share one round. Herder thread only.
 */
final class ZombieFencer {

    private static final Logger log = LoggerFactory.getLogger(ZombieFencer.class);

    private final ConfigBackingStore store;
    private final Worker worker;
    private final LeaderDuties leader;
    private final HerderLoop loop;
    private final ConnectorTypes types;
    private final Duration syncTimeout;
    private final Map<String, CompletableFuture<Void>> active = new HashMap<>();

    /** @param syncTimeout how long reading the config topic to its end may take (worker.sync.timeout.ms) */
    ZombieFencer(ConfigBackingStore store, Worker worker, LeaderDuties leader, HerderLoop loop, ConnectorTypes types,
                 Duration syncTimeout) {
        this.store = store;
        this.worker = worker;
        this.leader = leader;
        this.loop = loop;
        this.types = types;
        this.syncTimeout = syncTimeout;
    }

    /** Completes once the connector's previous task generation is fenced out and the current one recorded. */
    CompletableFuture<Void> fence(String connector) {
        ClusterConfigState snapshot = store.snapshot();
        Map<String, String> config = snapshot.connectorConfig(connector);
        if (config == null) {
            throw new NotFoundException("Connector " + connector + " not found");
        }
        if (types.of(config) != ConnectorType.SOURCE) {
            throw new BadRequestException("Connector " + connector + " is not a source connector");
        }
        refresh("Failed to read to end of config topic before performing zombie fencing");
        snapshot = store.snapshot();
        int taskCount = snapshot.taskCount(connector);
        Integer recorded = snapshot.taskCountRecord(connector);
        if (!snapshot.pendingFencing(connector)) {
            log.debug("Skipping zombie fencing round for connector {} as all old task generations have already been "
                    + "fenced out", connector);
            return CompletableFuture.completedFuture(null);
        }
        if (recorded == null || (recorded == 1 && taskCount == 1)) {
            log.debug("Skipping zombie fencing round but writing task count record for connector {}: {}", connector,
                    recorded == null ? "it runs with exactly-once support for the first time"
                            : "both the previous and the current generation of its tasks have one task");
            recordTaskCount(connector, taskCount);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> round = active.get(connector);
        if (round == null) {
            round = startRound(connector, config, recorded, taskCount, generation(snapshot, connector));
            active.put(connector, round);
        }
        return round;
    }

    private CompletableFuture<Void> startRound(String connector, Map<String, String> config, int toFence,
                                               int toRecord, int generation) {
        log.info("Fencing out the producers of the {} task(s) of the previous generation of source connector {}",
                toFence, connector);
        CompletableFuture<Void> round = worker.fenceZombies(connector, toFence, config)
                .thenCompose(fenced -> loop.submit(() -> {
                    refresh("Failed to read to end of config topic");
                    ClusterConfigState now = store.snapshot();
                    if (generation < generation(now, connector)) {
                        throw new ConflictException("Fencing failed because new task configurations were generated "
                                + "for the connector");
                    }
                    if (now.pendingFencing(connector)) {
                        recordTaskCount(connector, toRecord);
                    }
                    return null;
                }));
        round.whenComplete((done, error) -> loop.execute(() -> active.remove(connector)));
        return round;
    }

    private void recordTaskCount(String connector, int taskCount) {
        leader.write("a task count record for connector " + connector, () -> {
            store.putTaskCountRecord(connector, taskCount);
            return null;
        });
        log.info("Recorded a task count of {} for source connector {}; no earlier generation of its tasks can write any "
                + "more", taskCount, connector);
    }

    private void refresh(String failure) {
        try {
            store.refresh(syncTimeout);
        } catch (TimeoutException e) {
            throw new ConnectException(failure, e);
        }
    }

    private static int generation(ClusterConfigState snapshot, String connector) {
        Integer generation = snapshot.taskConfigGeneration(connector);
        return generation == null ? -1 : generation;
    }
}
