package io.tributary.connect.distributed;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.GroupRebalanceConfig;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.internals.AbstractCoordinator;
import org.apache.kafka.clients.consumer.internals.ConsumerNetworkClient;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocolCollection;
import org.apache.kafka.common.message.JoinGroupResponseData.JoinGroupResponseMember;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.LogContext;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Timer;
import org.slf4j.Logger;

/**
 * A Connect worker's side of the group protocol, on kafka-clients' group membership machinery: what it
 * advertises when joining, what it does as elected leader, and how it folds each assignment into the work
 * it runs. Driven by {@link WorkerGroupMember}; not thread-safe beyond what its superclass guarantees.
 */
final class WorkerCoordinator extends AbstractCoordinator {

    static final String PROTOCOL_TYPE = "connect";

    private final Logger log;
    private final String restUrl;
    private final ConfigSnapshots configs;
    private final WorkerRebalanceListener listener;
    private final ConnectProtocolVersion configuredMode;
    private final LeaderAssignment leader;
    private final int heartbeatIntervalMs;
    private volatile ConnectProtocolVersion currentProtocol;
    /** Everything this member runs, or null while it holds nothing from any rebalance; read by metrics too. */
    private volatile Assignment current;
    private int lastCompletedGeneration = -1;
    /** The member id this worker had in {@link #lastCompletedGeneration}. */
    private String lastCompletedMemberId;
    /** When the leader asked the group to rebalance again (cooperative delay); 0 when not scheduled. */
    private long rejoinAtMs;
    private long assignmentsDelivered;

    WorkerCoordinator(GroupRebalanceConfig rebalanceConfig, LogContext logContext, ConsumerNetworkClient client,
                      Metrics metrics, Time time, String restUrl, ConfigSnapshots configs,
                      WorkerRebalanceListener listener, ConnectProtocolVersion mode, int maxDelayMs) {
        super(rebalanceConfig, logContext, client, metrics, "connect", time);
        this.log = logContext.logger(WorkerCoordinator.class);
        this.restUrl = restUrl;
        this.configs = configs;
        this.listener = listener;
        this.configuredMode = mode;
        this.currentProtocol = mode;
        this.heartbeatIntervalMs = rebalanceConfig.heartbeatIntervalMs;
        this.leader = new LeaderAssignment(configs, new IncrementalCooperativeAssignor(time, maxDelayMs), time);
        addAssignmentMetrics(metrics);
    }

    /** How much work this member holds now, beside the group client's own coordinator metrics. */
    private void addAssignmentMetrics(Metrics metrics) {
        String group = "connect-coordinator-metrics";
        metrics.addMetric(metrics.metricName("assigned-connectors", group,
                "How many connectors this worker is assigned in the current generation."),
                (Gauge<Double>) (config, now) -> {
                    Assignment held = current;
                    return held == null ? 0.0 : held.connectors().size();
                });
        metrics.addMetric(metrics.metricName("assigned-tasks", group,
                "How many tasks this worker is assigned in the current generation."),
                (Gauge<Double>) (config, now) -> {
                    Assignment held = current;
                    return held == null ? 0.0 : held.tasks().size();
                });
    }

    @Override
    protected String protocolType() {
        return PROTOCOL_TYPE;
    }

    /** Runs group I/O for up to {@code timeoutMs}, joining or rejoining whenever needed. */
    void poll(long timeoutMs) {
        Timer timer = time.timer(timeoutMs);
        do {
            // A full heartbeat interval to find the coordinator, so a short poll never mistakes a blip for an outage.
            if (coordinatorUnknown() && !ensureCoordinatorReady(time.timer(heartbeatIntervalMs))) {
                revokeAllWhileUnreachable();
            }
            if (rejoinAtMs != 0 && time.milliseconds() >= rejoinAtMs) {
                rejoinAtMs = 0;
                requestRejoin("the leader scheduled a rebalance");
            }
            if (rejoinNeededOrPending()) {
                long before = assignmentsDelivered;
                ensureActiveGroup();
                if (assignmentsDelivered != before) {
                    // Back to the herder at once, with the group settled: it starts the new work now, not
                    // when this poll would have timed out.
                    return;
                }
            }
            long now = time.milliseconds();
            pollHeartbeat(now);
            timer.update(now);
            long wait = Math.min(timer.remainingMs(), timeToNextHeartbeat(now));
            if (rejoinAtMs != 0) {
                wait = Math.min(wait, Math.max(0, rejoinAtMs - now));
            }
            client.poll(time.timer(wait));
            timer.update();
        } while (!timer.isExpired());
    }

    @Override
    protected JoinGroupRequestProtocolCollection metadata() {
        long offset = configs.current().offset();
        Assignment held = current != null && configuredMode.cooperative() ? current : Assignment.empty();
        return WorkerStateCodec.protocols(new WorkerState(restUrl, offset, held), configuredMode);
    }

    @Override
    protected boolean onJoinPrepare(Timer timer, int generation, String memberId) {
        leader.forgetOwners();
        listener.onRebalanceStarting();
        if (!currentProtocol.cooperative() && current != null) {
            // Eager: everything stops before rejoining, the leader deals all work out again.
            listener.onRevoked(current.leader(), current.connectors(), current.tasks());
            current = null;
        }
        return true;
    }

    @Override
    protected Map<String, ByteBuffer> onLeaderElected(String leaderId, String protocol,
                                                      List<JoinGroupResponseMember> members, boolean skipAssignment) {
        if (skipAssignment) {
            return Map.of();
        }
        log.debug("Elected leader of generation {} with protocol {}", generation().generationId, protocol);
        // A leader whose own membership expired (a new member id) holds a view of the group from before that
        // gap: calling it unknown makes the assignor start from what the members now run, not wait for a
        // "departed" member that is this very worker.
        int completedAsThisMember = leaderId.equals(lastCompletedMemberId) ? lastCompletedGeneration : -1;
        return leader.assign(leaderId, ConnectProtocolVersion.fromProtocolName(protocol), members,
            generation().generationId, completedAsThisMember);
    }

    @Override
    protected void onJoinComplete(int generation, String memberId, String protocol, ByteBuffer bytes) {
        currentProtocol = ConnectProtocolVersion.fromProtocolName(protocol);
        lastCompletedGeneration = generation;
        lastCompletedMemberId = memberId;
        Assignment received = AssignmentCodec.decode(bytes);
        log.info("Joined group generation {} as {} with protocol {}: {}", generation, memberId, protocol, received);
        if (currentProtocol.cooperative()) {
            if (received.hasRevocations()) {
                listener.onRevoked(received.leader(), received.revokedConnectors(), received.revokedTasks());
                // The revoked work is handed to others only in a follow-up round.
                requestRejoin("revoked work must be reassigned");
            }
            rejoinAtMs = received.delay() > 0 ? time.milliseconds() + received.delay() : 0;
            current = received.withWork(keptAndNew(current == null ? null : current.connectors(),
                received.revokedConnectors(), received.connectors()), keptAndNew(current == null ? null
                : current.tasks(), received.revokedTasks(), received.tasks()));
        } else {
            current = received;
        }
        assignmentsDelivered++;
        listener.onAssigned(current, generation);
    }

    @Override
    protected void handlePollTimeoutExpiry() {
        log.warn("The herder did not poll within the rebalance timeout; leaving the group");
        super.handlePollTimeoutExpiry();
        listener.onPollTimeoutExpiry();
    }

    /** The protocol the group last elected, or the configured one before the first join. */
    ConnectProtocolVersion currentProtocol() {
        return currentProtocol;
    }

    /** The protocol version the group last elected, or the configured one before the first join. */
    short currentProtocolVersion() {
        return currentProtocol.version();
    }

    @Override
    public synchronized String memberId() {
        return super.memberId();
    }

    /**
     * Who runs each connector and task, as far as this worker knows from leading the current generation; {@link
     * WorkOwners#UNKNOWN} when it does not lead it or a rebalance is under way.
     */
    WorkOwners owners() {
        Assignment held = current;
        if (held == null || rejoinNeededOrPending() || !memberId().equals(held.leader())) {
            return WorkOwners.UNKNOWN;
        }
        return leader.owners();
    }

    int lastCompletedGeneration() {
        return lastCompletedGeneration;
    }

    void close(Timer timer, boolean leaveGroup) {
        close(timer, leaveGroup ? CloseOptions.GroupMembershipOperation.LEAVE_GROUP
            : CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP);
    }

    /**
     * Without the coordinator we cannot know whether our work was given to someone else, so stop it. Holding
     * nothing, the member must join again once the coordinator is back: the group may still count it as a
     * member of the current generation, and only a new join (advertising that it now runs nothing) gets it
     * work again.
     */
    private void revokeAllWhileUnreachable() {
        if (current != null && !current.failed()) {
            log.info("Group coordinator unreachable for {} ms; stopping all work until it is back, then rejoining",
                heartbeatIntervalMs);
            listener.onRevoked(current.leader(), current.connectors(), current.tasks());
            current = null;
            requestRejoin("the work was stopped while the group coordinator was unreachable");
        }
    }

    private static <T> List<T> keptAndNew(List<T> held, List<T> revoked, List<T> added) {
        List<T> result = new ArrayList<>(held == null ? List.of() : held);
        result.removeAll(revoked);
        for (T item : added) {
            if (!result.contains(item)) {
                result.add(item);
            }
        }
        return result;
    }
}
