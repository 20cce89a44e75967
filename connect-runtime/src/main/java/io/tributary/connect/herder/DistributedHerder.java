package io.tributary.connect.herder;

import io.tributary.connect.distributed.ConnectProtocolVersion;
import io.tributary.connect.distributed.GroupGeneration;
import io.tributary.connect.config.DistributedConfig;
import io.tributary.connect.model.ConnectorInfo;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.ConnectorType;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.model.TaskInfo;
import io.tributary.connect.model.ConfigInfos;
import io.tributary.connect.model.ConfigKeyInfo;
import io.tributary.connect.model.ConnectorOffsets;
import io.tributary.connect.model.Message;
import io.tributary.connect.logging.LoggerLevels;
import io.tributary.connect.storage.ClusterConfigState;
import io.tributary.connect.storage.ConfigBackingStore;
import io.tributary.connect.tls.WorkerHttpClients;
import io.tributary.connect.worker.Worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The herder of a distributed worker. Its one thread ({@link HerderLoop}) takes part in the Connect group,
 * applies config-topic changes and rebalances to this worker's share of the work, and serves requests from
 * the config snapshot. Writes only the leader may make are sent to the leader's REST API when this worker
 * does not lead ({@link LeaderForwarder}); writes any worker may make (pause, resume) go straight to the
 * config topic; reads are answered by every worker.
 */
public final class DistributedHerder implements Herder {

    private static final Logger log = LoggerFactory.getLogger(DistributedHerder.class);

    private final DistributedConfig config;
    private final Worker worker;
    private final ConfigBackingStore configStore;
    private final GroupMembership membership;
    private final Time time;
    private final HerderLoop loop;
    private final LeaderForwarder forwarder;
    private final ConnectorStatusReader statuses;
    private final ConnectorTypes types;
    private final LeaderDuties leader;
    private final ClusterWork work;
    private final RebalanceHandler rebalance;
    private final ConfigChangeHandler configChanges;
    private final ClusterWrites writes;
    private final PluginRequests pluginRequests;
    private final ClusterLoggerLevels clusterLoggerLevels = new ClusterLoggerLevels();
    private final RebalanceMetrics rebalanceMetrics;
    private final String signatureAlgorithm;
    private final InternalRequestVerifier internalRequests;
    private final ZombieFencer zombieFencer;
    /** False where no REST server takes other workers' requests (MirrorMaker 2's dedicated mode without it). */
    private final boolean leaderReachable;
    private volatile Runnable onBecomingLeader = () -> { };
    /** Whether this worker led the group after the last rebalance it completed; herder thread only. */
    private boolean wasLeading;
    private volatile boolean started;

    /**
     * @param generation where the current group generation is published, for the status store the worker
     *                   writes through (see {@link io.tributary.connect.status.GenerationStampingStatusStore})
     * @param time       when delayed herder work is due and session keys are rotated
     */
    public DistributedHerder(DistributedConfig config, Worker worker, ConfigBackingStore configStore,
                             GroupMembership membership, GroupGeneration generation, Time time) {
        this(config, worker, configStore, membership, generation, time, true);
    }

    /**
     * @param leaderReachable false when the workers of this group have no REST server to take each other's
     *                        requests: task configs generated on a worker that does not lead cannot reach the
     *                        leader then, and fail with a message saying so, as in Kafka Connect
     */
    public DistributedHerder(DistributedConfig config, Worker worker, ConfigBackingStore configStore,
                             GroupMembership membership, GroupGeneration generation, Time time,
                             boolean leaderReachable) {
        this.leaderReachable = leaderReachable;
        this.config = config;
        this.time = time;
        this.loop = new HerderLoop("distributed-herder", time);
        this.forwarder = new LeaderForwarder(new WorkerHttpClients(config));
        this.worker = worker;
        this.configStore = configStore;
        this.membership = membership;
        this.types = new ConnectorTypes(worker.plugins());
        this.statuses = new ConnectorStatusReader(worker.statusStore(),
                connector -> types.of(configStore.snapshot().connectorConfig(connector)));
        this.leader = new LeaderDuties(configStore, config.groupId(),
                new SessionKeyRotation(config.internalRequestKeyGenerator(),
                        config.getInt(DistributedConfig.INTER_WORKER_KEY_TTL_MS_CONFIG)),
                this::sessioned, this::requestRebalanceAfterFencing, time);
        this.signatureAlgorithm = config.getString(DistributedConfig.INTER_WORKER_SIGNATURE_ALGORITHM_CONFIG);
        this.internalRequests = new InternalRequestVerifier(config.verificationAlgorithms(), this::sessioned,
                () -> configStore.snapshot().sessionKey());
        this.work = new ClusterWork(worker, configStore::snapshot, loop, statuses, this::publishTaskConfigs,
                config.autoRestart(), worker.metrics().registry(), time);
        this.rebalance = new RebalanceHandler(configStore, work, leader, membership, loop,
                Duration.ofMillis(config.workerSyncTimeoutMs()), config.workerUnsyncBackoffMs(), generation,
                new RemovedWorkStatuses(worker));
        ConfigEvents events = new ConfigEvents(membership::wakeup, clusterLoggerLevels);
        configStore.setUpdateListener(events);
        this.configChanges = new ConfigChangeHandler(events, configStore, work, rebalance);
        this.pluginRequests = new PluginRequests(worker, true);
        this.writes = new ClusterWrites(configStore, worker, leader, rebalance, statuses, types, pluginRequests);
        this.zombieFencer = new ZombieFencer(configStore, worker, leader, loop, types,
                Duration.ofMillis(config.workerSyncTimeoutMs()));
        if (config.exactlyOnceSourceEnabled()) {
            work.runSourceTasksExactlyOnce(new ExactlyOnceTaskChecks(
                    connector -> fenceZombieSourceTasks(RequestContext.CLIENT, connector), configStore, loop,
                    work::tasks, Herder.REQUEST_TIMEOUT));
        }
        this.rebalanceMetrics = new RebalanceMetrics(worker.metrics(), membership::protocol);
        membership.setListener(rebalanceMetrics.measuring(rebalance));
    }

    /**
     * Starts the worker, then joins the group on the herder thread. The stores were started by their owner and
     * have read their topics.
     */
    @Override
    public void start() {
        worker.listenToInstanceStates(work.autoRestarts());
        worker.start();
        configChanges.start();
        loop.start(new Turn());
        started = true;
        log.info("Distributed herder started on worker {} in Connect group {}", worker.workerId(), config.groupId());
    }

    /**
     * Runs {@code action} on the herder thread each time this worker completes a rebalance as the leader after
     * not leading before (MirrorMaker 2 writes its connectors' configs then). It must not block: requests it
     * makes of this herder are queued and served after it returns. Set before {@link #start()}.
     */
    public void onBecomingLeader(Runnable action) {
        this.onBecomingLeader = action;
    }

    /** Stops this worker's tasks (committing offsets) and connectors and leaves the group; not the stores. */
    @Override
    public void stop() {
        started = false;
        loop.stop(config.taskShutdownTimeout() + 30_000);
        worker.stop();
        rebalanceMetrics.close();
        log.info("Distributed herder stopped");
    }

    @Override
    public boolean isReady() {
        return started && rebalance.wasEverInSync();
    }

    /** Whether this worker leads the group now, as far as it knows; answered on the herder thread. */
    public CompletableFuture<Boolean> isLeader() {
        return loop.submit(rebalance::isLeader);
    }

    @Override
    public CompletableFuture<Void> healthCheck() {
        return loop.submit(() -> null);
    }

    @Override
    public Optional<HerderStage> currentStage() {
        return loop.currentStage();
    }

    @Override
    public String workerId() {
        return worker.workerId();
    }

    @Override
    public String kafkaClusterId() {
        return worker.kafkaClusterId();
    }

    @Override
    public CompletableFuture<Collection<String>> connectors() {
        return readNow(() -> new ArrayList<>(new TreeSet<>(configStore.snapshot().connectors())));
    }

    @Override
    public CompletableFuture<ConnectorInfo> connectorInfo(String connector) {
        return readNow(() -> writes.info(connector, configStore.snapshot()));
    }

    @Override
    public CompletableFuture<Map<String, String>> connectorConfig(String connector) {
        return readNow(() -> new HashMap<>(existing(connector)));
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(RequestContext context, String connector, Map<String, String> config,
                                                                        TargetState initialState,
                                                                        boolean allowReplace) {
        return leaderOnly(context, () -> writes.putConnectorConfig(connector, config, initialState, allowReplace, loop),
                target -> allowReplace ? forwarder.putConnectorConfig(target, connector, config)
                        : forwarder.createConnector(target, connector, config, initialState));
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> patchConnectorConfig(RequestContext context, String connector,
                                                                          Map<String, String> patch) {
        return leaderOnly(context, () -> writes.putConnectorConfig(connector, ClusterWrites.patched(existing(connector), patch),
                        null, true, loop),
                target -> forwarder.patchConnectorConfig(target, connector, patch));
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> deleteConnectorConfig(RequestContext context, String connector) {
        return leaderOnly(context, () -> CompletableFuture.completedFuture(writes.delete(connector)),
                target -> forwarder.deleteConnector(target, connector));
    }

    @Override
    public CompletableFuture<List<TaskInfo>> taskConfigs(String connector) {
        return readNow(() -> {
            ClusterConfigState snapshot = configStore.snapshot();
            existing(connector);
            return snapshot.tasks(connector).stream().map(id -> new TaskInfo(id, snapshot.taskConfig(id))).toList();
        });
    }

    @Override
    public void requestTaskReconfiguration(String connector) {
        loop.execute(() -> work.reconfigureTasks(connector));
    }

    /**
     * Checked on the worker the request reached, before it is served or forwarded, as Kafka Connect does; a
     * request forwarded on is signed again by this worker.
     */
    @Override
    public void verifyInternalRequest(InternalRequestSignature signature) {
        internalRequests.verify(signature);
    }

    /** Task configs generated where the connector runs, handed to this worker because it leads (or forwarded). */
    @Override
    public CompletableFuture<Void> putTaskConfigs(RequestContext context, String connector, List<Map<String, String>> taskConfigs) {
        return leaderOnly(context, () -> {
            leader.writeTaskConfigs(connector, taskConfigs);
            return CompletableFuture.completedFuture(null);
        }, target -> forwarder.putTaskConfigs(target, connector, taskConfigs, configStore.snapshot().sessionKey(),
                signatureAlgorithm));
    }

    /**
     * Served by the leader (others forward it, signed): fences out the connector's previous generation of
     * exactly-once source tasks and records the current task count. Asked by every exactly-once source task before
     * its producer starts, and before a source connector's offsets are changed with exactly-once support on.
     */
    @Override
    public CompletableFuture<Void> fenceZombieSourceTasks(RequestContext context, String connector) {
        return leaderOnly(context, () -> zombieFencer.fence(connector),
                target -> leaderReachable ? forwarder.fenceZombies(target, connector,
                        configStore.snapshot().sessionKey(), signatureAlgorithm)
                        : CompletableFuture.failedFuture(leaderUnreachable("exactly-once source tasks")));
    }

    @Override
    public ConnectorStateInfo connectorStatus(String connector) {
        return statuses.connectorStatus(connector);
    }

    @Override
    public ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id) {
        return statuses.taskStatus(id);
    }

    /**
     * As Kafka Connect does: the worker running the connector restarts it (no config-topic record); another
     * worker sends the request to the leader, and the leader to the worker it gave the connector to.
     */
    @Override
    public CompletableFuture<Void> restartConnector(RequestContext context, String connector) {
        return loop.submitAndChain(() -> {
            if (!configStore.snapshot().contains(connector)) {
                throw new NotFoundException("Unknown connector: " + connector);
            }
            if (work.connectors().contains(connector)) {
                work.restartConnector(connector);
                return CompletableFuture.completedFuture(null);
            }
            return towardsOwner(context, membership.owners().ownerUrl(connector),
                    target -> forwarder.restartConnector(target, connector));
        });
    }

    /** Served by the worker running the task; others send it on as {@link #restartConnector} does. */
    @Override
    public CompletableFuture<Void> restartTask(RequestContext context, ConnectorTaskId id) {
        return loop.submitAndChain(() -> {
            writes.requireTask(id);
            if (work.tasks().contains(id)) {
                work.restartTask(id);
                return CompletableFuture.completedFuture(null);
            }
            return towardsOwner(context, membership.owners().ownerUrl(id),
                    target -> forwarder.restartTask(target, id.connector(), id.task()));
        });
    }

    @Override
    public CompletableFuture<ConnectorStateInfo> restartConnectorAndTasks(RequestContext context, RestartRequest request) {
        return leaderOnly(context, () -> CompletableFuture.completedFuture(writes.requestRestart(request)),
                target -> forwarder.restartConnectorAndTasks(target, request));
    }

    @Override
    public CompletableFuture<Void> pauseConnector(String connector) {
        return loop.submit(() -> writes.putTargetState(connector, TargetState.PAUSED));
    }

    @Override
    public CompletableFuture<Void> resumeConnector(String connector) {
        return loop.submit(() -> writes.putTargetState(connector, TargetState.STARTED));
    }

    @Override
    public CompletableFuture<Void> stopConnector(RequestContext context, String connector) {
        return leaderOnly(context, () -> {
            writes.stop(connector);
            return CompletableFuture.completedFuture(null);
        }, target -> forwarder.stopConnector(target, connector));
    }

    @Override
    public CompletableFuture<ConnectorOffsets> connectorOffsets(String connector) {
        return loop.submitAndChain(() -> worker.connectorOffsets(connector, existing(connector)));
    }

    @Override
    public CompletableFuture<Message> alterConnectorOffsets(RequestContext context, String connector, ConnectorOffsets offsets) {
        return leaderOnly(context, () -> afterFencing(connector, () -> writes.alterOffsets(connector, offsets)),
                target -> forwarder.alterOffsets(target, connector, offsets));
    }

    @Override
    public CompletableFuture<Message> resetConnectorOffsets(RequestContext context, String connector) {
        return leaderOnly(context, () -> afterFencing(connector, () -> writes.resetOffsets(connector)),
                target -> forwarder.resetOffsets(target, connector));
    }

    /**
     * With exactly-once support, a source connector's offsets change only after its zombies were fenced out, as in
     * Kafka Connect, so that no lingering task commits over the change. On the herder thread, this worker leading.
     */
    private CompletableFuture<Message> afterFencing(String connector, Supplier<CompletableFuture<Message>> modify) {
        Map<String, String> connectorConfig = existing(connector);
        if (!config.exactlyOnceSourceEnabled() || types.of(connectorConfig) != ConnectorType.SOURCE
                || configStore.snapshot().targetState(connector) != TargetState.STOPPED) {
            return modify.get();
        }
        log.debug("Performing a round of zombie fencing before modifying offsets for source connector {} with "
                + "exactly-once support enabled.", connector);
        return zombieFencer.fence(connector)
                .handle((fenced, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        log.error("Failed to perform zombie fencing for source connector prior to modifying offsets",
                                cause);
                        throw new ConnectException("Failed to perform zombie fencing for source connector prior to "
                                + "modifying offsets", cause);
                    }
                    return null;
                })
                .thenCompose(fenced -> loop.submitAndChain(modify));
    }

    @Override
    public CompletableFuture<Set<String>> connectorActiveTopics(String connector) {
        return readNow(() -> {
            TopicTrackingRules.requireEnabled(worker.config());
            return worker.topicStatus().topics(connector);
        });
    }

    @Override
    public CompletableFuture<Void> resetConnectorActiveTopics(String connector) {
        return loop.submit(() -> {
            TopicTrackingRules.requireResetAllowed(worker.config());
            worker.topicStatus().reset(connector);
            return null;
        });
    }

    /** Needs no herder state, so it runs beside the herder thread rather than queueing on it. */
    @Override
    public CompletableFuture<List<ConfigKeyInfo>> connectorPluginConfig(String plugin, String version) {
        return pluginRequests.describe(plugin, version);
    }

    /** Runs connector code (validate) and needs no herder state: kept off the herder thread. */
    @Override
    public CompletableFuture<ConfigInfos> validateConnectorConfig(Map<String, String> config) {
        return pluginRequests.validationReport(config);
    }

    /** Any worker may write a log level (Kafka Connect does not send it to the leader); all apply it on reading. */
    @Override
    public boolean publishLoggerLevel(String namespace, String level) {
        configStore.putLoggerLevel(namespace, level);
        return true;
    }

    @Override
    public void applyClusterLoggerLevelsWith(LoggerLevels levels) {
        clusterLoggerLevels.attach(levels);
    }

    /**
     * Runs {@code asLeader} on the herder thread if this worker leads; otherwise sends the request to the
     * leader, unless the request's context says it was forwarded too often already.
     */
    private <T> CompletableFuture<T> leaderOnly(RequestContext context, Supplier<CompletableFuture<T>> asLeader,
                                                Function<LeaderForwarder.Target, CompletableFuture<T>> forward) {
        return loop.submitAndChain(() -> {
            if (rebalance.isLeader()) {
                return asLeader.get();
            }
            if (!context.mayForward()) {
                throw ClusterConflicts.forwardedToNonLeader();
            }
            String leaderUrl = rebalance.leaderUrl();
            if (leaderUrl == null) {
                throw ClusterConflicts.noKnownLeader();
            }
            return forward.apply(new LeaderForwarder.Target(leaderUrl, context.receiverMayForward(),
                    context.authorization()));
        });
    }

    /**
     * Sends a request about work this worker does not run one hop closer to the worker that does: to the leader
     * from a member, to the owner (known only to the leader) from the leader.
     */
    private <T> CompletableFuture<T> towardsOwner(RequestContext context, String ownerUrl,
                                                  Function<LeaderForwarder.Target, CompletableFuture<T>> forward) {
        if (!context.mayForward()) {
            throw ClusterConflicts.forwardedToNonLeader();
        }
        String next = rebalance.isLeader() ? ownerUrl : rebalance.leaderUrl();
        if (next == null) {
            throw ClusterConflicts.noKnownLeader();
        }
        return forward.apply(new LeaderForwarder.Target(next, context.receiverMayForward(), context.authorization()));
    }

    /**
     * New task configs from a connector running here: written if this worker leads, else sent to the leader. Configs
     * equal to the committed ones go nowhere, as with Kafka Connect, so a worker that cannot reach the leader (a
     * dedicated MirrorMaker 2 node without its internal REST server) runs the connectors it was given quietly until
     * one of them really has new task configs.
     */
    private CompletableFuture<Void> publishTaskConfigs(String connector, List<Map<String, String>> taskConfigs) {
        if (!LeaderDuties.taskConfigsChanged(configStore.snapshot(), connector, taskConfigs)) {
            return CompletableFuture.completedFuture(null);
        }
        if (rebalance.isLeader()) {
            try {
                leader.writeTaskConfigs(connector, taskConfigs);
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        if (!leaderReachable) {
            return CompletableFuture.failedFuture(leaderUnreachable("dynamically-reconfiguring connectors"));
        }
        String leaderUrl = rebalance.leaderUrl();
        if (leaderUrl == null) {
            return CompletableFuture.failedFuture(ClusterConflicts.noKnownLeader());
        }
        return forwarder.putTaskConfigs(new LeaderForwarder.Target(leaderUrl, true), connector, taskConfigs,
                configStore.snapshot().sessionKey(), signatureAlgorithm);
    }

    /** Kafka Connect's words, which point MirrorMaker 2 users at the setting that fixes it. */
    private static ConnectException leaderUnreachable(String neededFor) {
        return new ConnectException("This worker is not able to communicate with the leader of the cluster, which is "
                + "required for " + neededFor + ". If running MirrorMaker 2 in dedicated mode, consider enabling "
                + "inter-worker communication via the 'dedicated.mode.enable.internal.rest' property.");
    }

    /** Whether the group elected the sessioned protocol, under which requests between workers are signed. */
    private boolean sessioned() {
        return ConnectProtocolVersion.SESSIONED.name().equals(membership.protocol());
    }

    private void requestRebalanceAfterFencing() {
        rebalance.requestRebalance("a newer leader fenced this worker's config write");
    }

    /**
     * Answers a read on the caller's thread from what this worker last read of the config and status topics,
     * as every worker may: it needs neither the group nor the broker, so it answers at once even while the
     * herder thread waits for them (a rebalance, a broker outage).
     */
    private static <T> CompletableFuture<T> readNow(Supplier<T> read) {
        try {
            return CompletableFuture.completedFuture(read.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Map<String, String> existing(String connector) {
        Map<String, String> connectorConfig = configStore.snapshot().connectorConfig(connector);
        if (connectorConfig == null) {
            throw new NotFoundException("Connector " + connector + " not found");
        }
        return connectorConfig;
    }

    /**
     * One turn of the herder thread: config changes (a rebalance they call for is asked for at the start of a
     * turn), the group poll, a new assignment.
     */
    private final class Turn implements HerderLoop.Tick {

        @Override
        public boolean tick(long pollTimeoutMs) {
            try {
                configChanges.handlePending();
                // Changes read at the end of the last turn are asked for only now, after the requests queued
                // meanwhile ran: creations that arrive together are assigned in one round.
                rebalance.requestWantedIfDue();
                loop.enterStage("taking part in its Connect group (finding the group coordinator on the Kafka "
                        + "cluster, joining the group or rebalancing)");
                membership.poll(pollTimeoutMs);
                loop.enterStage("applying its share of the work after a rebalance");
                rebalance.applyPending();
                loop.leaveStage();
                noticeLeadership();
                configChanges.handlePending();
                if (rebalance.inSync()) {
                    leader.rotateSessionKeyIfDue(time.milliseconds());
                }
                return rebalance.inSync();
            } finally {
                loop.leaveStage();
            }
        }

        /** After a completed rebalance: tells the listener when this worker has just become the leader. */
        private void noticeLeadership() {
            if (!rebalance.inSync()) {
                return;
            }
            boolean leading = rebalance.isLeader();
            if (leading && !wasLeading) {
                try {
                    onBecomingLeader.run();
                } catch (RuntimeException e) {
                    log.error("The action on becoming the leader of Connect group {} failed", config.groupId(), e);
                }
            }
            wasLeading = leading;
        }

        @Override
        public void wakeup() {
            membership.wakeup();
        }

        @Override
        public void halt() {
            work.stopAll();
            membership.close();
        }
    }
}
