package io.tributary.connect.herder;

import io.tributary.connect.model.TargetState;
import io.tributary.connect.storage.ClusterConfigState;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when a rebalance wanted because the work to assign changed is asked of the group. A new connector
 * costs two rounds: one assigns the connector, and once it has generated its tasks another assigns them. While
 * connectors assigned in the last round are still generating their first tasks, a further change (the next
 * connector created) is held back so that one round assigns it together with those tasks: connectors created
 * one after another then cost at most one round each, and connectors created together share rounds. Every worker
 * decides this from the config topic alone, so the workers of a group hold back alike. A worker also holds
 * back while requests wait in its herder's queue and while a creation it serves as the leader is being
 * validated, so that a creation that arrives meanwhile joins the round instead of waiting for it. Both holds
 * are short and bounded ({@link #HOLD_MS} per connector awaited, and from when the rebalance was first
 * wanted) and change only when the group is asked, never what it assigns. Herder thread only.
 */
final class RebalanceCoalescer {

    private static final Logger log = LoggerFactory.getLogger(RebalanceCoalescer.class);
    /**
     * The longest a connector's first tasks are waited for before a wanted rebalance goes ahead without them, and
     * the longest creations under way hold back a rebalance wanted since.
     */
    static final long HOLD_MS = 1_000;

    private final Supplier<ClusterConfigState> configs;
    private final Time time;
    private final Consumer<String> requestRebalance;
    private final HerderLoop loop;
    private final BooleanSupplier requestsToRun;
    /** Connectors seen created, by the config offset this worker had read when it noticed them. */
    private final Map<String, Long> created = new HashMap<>();
    /** Connectors assigned in the last applied round whose first tasks are awaited, by give-up time (ms). */
    private final Map<String, Long> awaitingFirstTasks = new HashMap<>();
    private String wantedBecause;
    /** When the rebalance became wanted (ms). */
    private long wantedSinceMs;
    /** Connector creations this worker serves that have not been written (or failed) yet. */
    private int creationsUnderWay;
    /** The config offset this worker had read when the rebalance was last wanted. */
    private long wantedAtOffset = -1;
    /** When a check is already scheduled for (ms); 0 for none. */
    private long checkScheduledAtMs;

    /**
     * @param requestRebalance asks the group for a rebalance now, saying why
     * @param loop             runs the check when a wait runs out
     * @param requestsToRun    whether queued requests will run in this turn of the herder
     */
    RebalanceCoalescer(Supplier<ClusterConfigState> configs, Time time, Consumer<String> requestRebalance,
                       HerderLoop loop, BooleanSupplier requestsToRun) {
        this.configs = configs;
        this.time = time;
        this.requestRebalance = requestRebalance;
        this.loop = loop;
        this.requestsToRun = requestsToRun;
    }

    /** Connectors this worker has just read the creation of; the offset it had read to then. */
    void connectorsCreated(Collection<String> connectors, long seenAtOffset) {
        connectors.forEach(connector -> created.put(connector, seenAtOffset));
    }

    /** The work to assign changed: a rebalance is wanted, asked for by {@link #requestIfDue()}. */
    void want(String why) {
        if (wantedBecause == null) {
            wantedBecause = why;
            wantedSinceMs = time.milliseconds();
        }
        // Only a round assigned from configs that include the latest change answers it.
        wantedAtOffset = Math.max(wantedAtOffset, configs.get().offset());
    }

    void creationStarted() {
        creationsUnderWay++;
    }

    void creationEnded() {
        creationsUnderWay = Math.max(0, creationsUnderWay - 1);
    }

    boolean wanted() {
        return wantedBecause != null;
    }

    /**
     * A round was applied, assigned from the config topic up to {@code configOffset} (the next offset to read). A
     * wanted rebalance it covers is no longer wanted; connectors created before that offset, meant to run and without
     * tasks yet, were assigned in it and are generating their first tasks now.
     */
    void assigned(long configOffset) {
        if (wanted() && configOffset >= wantedAtOffset) {
            wantedBecause = null;
            wantedAtOffset = -1;
        }
        ClusterConfigState snapshot = configs.get();
        long giveUpAt = time.milliseconds() + HOLD_MS;
        awaitingFirstTasks.clear();
        for (Iterator<Map.Entry<String, Long>> it = created.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> entry = it.next();
            if (entry.getValue() <= configOffset) {
                it.remove();
                if (awaitsFirstTasks(entry.getKey(), snapshot)) {
                    awaitingFirstTasks.put(entry.getKey(), giveUpAt);
                }
            }
        }
    }

    /**
     * Asks for the wanted rebalance unless a connector of the last round is still generating its first tasks (and has
     * not used up its wait) or, for a while, requests are queued or a creation is under way; then the check runs again
     * as the tasks arrive, the requests run, the creation is written, or the wait runs out.
     */
    void requestIfDue() {
        if (!wanted()) {
            return;
        }
        long now = time.milliseconds();
        ClusterConfigState snapshot = configs.get();
        awaitingFirstTasks.entrySet().removeIf(entry -> now >= entry.getValue()
                || !awaitsFirstTasks(entry.getKey(), snapshot));
        boolean creating = (creationsUnderWay > 0 || requestsToRun.getAsBoolean()) && now < wantedSinceMs + HOLD_MS;
        if (!awaitingFirstTasks.isEmpty() || creating) {
            long next = awaitingFirstTasks.values().stream().min(Long::compare).orElse(Long.MAX_VALUE);
            if (creating) {
                next = Math.min(next, wantedSinceMs + HOLD_MS);
            }
            if (checkScheduledAtMs == 0 || next < checkScheduledAtMs) {
                checkScheduledAtMs = next;
                loop.schedule(Math.max(0, next - now), this::checkWhenDue);
            }
            log.debug("Holding back a rebalance ({}): connectors {} await their first tasks, {} creation(s) under way, "
                    + "requests queued: {}", wantedBecause, awaitingFirstTasks.keySet(), creationsUnderWay,
                    requestsToRun.getAsBoolean());
            return;
        }
        String why = wantedBecause;
        wantedBecause = null;
        wantedAtOffset = -1;
        requestRebalance.accept(why);
    }

    private void checkWhenDue() {
        if (time.milliseconds() >= checkScheduledAtMs) {
            checkScheduledAtMs = 0;
        }
        requestIfDue();
    }

    /** Still there, meant to run, and no tasks committed since it was created (a first commit may hold none). */
    private static boolean awaitsFirstTasks(String connector, ClusterConfigState snapshot) {
        return snapshot.targetState(connector) == TargetState.STARTED
                && snapshot.appliedConnectorConfig(connector) == null;
    }
}
