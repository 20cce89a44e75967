package io.tributary.connect.herder;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.storage.ClusterConfigState;
import io.tributary.connect.storage.ConfigBackingStore;
import io.tributary.connect.storage.FencedLeaderException;
import io.tributary.connect.storage.SessionKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What only the leader does: claim the config topic's leader-only writes when elected (fencing any older
 * leader), keep a fresh session key, and write connector and task configs. A write refused because a newer
 * leader fenced this one is logged and answered with a 409, and this worker rejoins the group to learn who
 * leads now.
 */
final class LeaderDuties {

    private static final Logger log = LoggerFactory.getLogger(LeaderDuties.class);

    private final ConfigBackingStore store;
    private final String groupId;
    private final SessionKeyRotation keys;
    private final BooleanSupplier sessioned;
    private final Runnable rejoin;
    private final Time time;
    private boolean leader;

    /**
     * @param keys      when to write a new session key; null for a herder that never signs requests
     * @param sessioned whether the group elected the sessioned protocol, the only one that uses session keys
     * @param rejoin    asks membership for a rebalance, after this worker found itself fenced
     * @param time      dates session keys and decides when they are due for rotation
     */
    LeaderDuties(ConfigBackingStore store, String groupId, SessionKeyRotation keys, BooleanSupplier sessioned,
                 Runnable rejoin, Time time) {
        this.store = store;
        this.groupId = groupId;
        this.keys = keys;
        this.sessioned = sessioned;
        this.rejoin = rejoin;
        this.time = time;
    }

    boolean isLeader() {
        return leader;
    }

    /** Called on every assignment: takes up or gives up the leader's duties. */
    void leadershipIs(boolean elected) {
        if (elected && !leader) {
            store.claimWritePrivileges();
            log.info("This worker is now the leader of Connect group {}", groupId);
        } else if (!elected && leader) {
            store.releaseWritePrivileges();
            log.info("This worker is no longer the leader of Connect group {}", groupId);
        }
        leader = elected;
        if (leader) {
            rotateSessionKeyIfDue(time.milliseconds());
        }
    }

    /**
     * Writes a new session key when the group uses the sessioned protocol, this worker leads, and the key in use
     * is missing, older than inter.worker.key.ttl.ms or made differently from what inter.worker.key.* ask for.
     */
    void rotateSessionKeyIfDue(long nowMs) {
        if (keys == null) {
            return;
        }
        keys.observe(store.snapshot().sessionKey());
        if (!leader || !sessioned.getAsBoolean() || !keys.isDue(nowMs)) {
            return;
        }
        write("a session key", () -> {
            SessionKey key = keys.generate(nowMs);
            store.putSessionKey(key);
            keys.written(key);
            return null;
        });
        log.info("Wrote a new session key for signing requests between the workers of Connect group {}", groupId);
    }

    /**
     * Writes the connector's tasks unless the connector is stopped or gone, or they are unchanged and were
     * generated from the connector's current config. Tasks identical to the committed ones are written again
     * after a connector config change, as Kafka Connect's leader does, so that every worker restarts them with
     * the new connector config (converters, transformations, client overrides).
     */
    void writeTaskConfigs(String connector, List<Map<String, String>> taskConfigs) {
        ClusterConfigState snapshot = store.snapshot();
        if (!snapshot.contains(connector) || snapshot.targetState(connector) == TargetState.STOPPED) {
            log.debug("Not writing task configs of connector {}: it is stopped or deleted", connector);
            return;
        }
        if (!taskConfigsChanged(snapshot, connector, taskConfigs)) {
            return;
        }
        write("the task configs of connector " + connector, () -> {
            store.putTaskConfigs(connector, taskConfigs);
            return null;
        });
        log.info("Wrote {} task config(s) for connector {}", taskConfigs.size(), connector);
    }

    /**
     * Runs a leader-only write. When a newer leader fenced this worker the write fails with a 409 after a log
     * line saying what happened, and the worker rejoins to find the current leader.
     */
    <T> T write(String what, Supplier<T> write) {
        try {
            return write.get();
        } catch (FencedLeaderException e) {
            log.error("Rejected the write of {} to the config topic: a newer leader of Connect group {} has fenced "
                    + "this worker, which led an older generation. The request fails with 409; this worker rejoins "
                    + "the group to find the current leader.", what, groupId);
            leader = false;
            store.releaseWritePrivileges();
            rejoin.run();
            throw ClusterConflicts.fencedLeader(what);
        }
    }

    /**
     * Whether generated task configs differ from the committed ones, or were committed for an older connector config:
     * only then are they written, or sent to the leader by a worker that does not lead.
     */
    static boolean taskConfigsChanged(ClusterConfigState snapshot, String connector,
                                      List<Map<String, String>> taskConfigs) {
        return !taskConfigs.equals(current(snapshot, connector))
                || !Objects.equals(snapshot.appliedConnectorConfig(connector), snapshot.connectorConfig(connector));
    }

    private static List<Map<String, String>> current(ClusterConfigState snapshot, String connector) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (ConnectorTaskId id : snapshot.tasks(connector)) {
            configs.add(snapshot.taskConfig(id));
        }
        return configs;
    }
}
