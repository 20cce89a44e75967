package io.tributary.connect.herder;

import io.tributary.connect.distributed.Assignment;
import io.tributary.connect.distributed.ClusterConfigView;
import io.tributary.connect.distributed.ConfigSnapshots;
import io.tributary.connect.distributed.GroupMembershipConfig;
import io.tributary.connect.distributed.WorkerGroupMember;
import io.tributary.connect.distributed.WorkOwners;
import io.tributary.connect.distributed.WorkerRebalanceListener;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.storage.ClusterConfigState;
import io.tributary.connect.storage.ConfigBackingStore;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The herder's {@link GroupMembership} on the real Connect group ({@link WorkerGroupMember}): advertises this
 * worker's REST URL and config offset, and translates the group's assignments into {@link WorkAssignment}s.
 */
public final class WorkerGroupMembership implements GroupMembership, WorkerRebalanceListener, ConfigSnapshots {

    private static final Logger log = LoggerFactory.getLogger(WorkerGroupMembership.class);
    private static final Duration FRESH_READ_TIMEOUT = Duration.ofSeconds(10);

    private final ConfigBackingStore configStore;
    private final WorkerGroupMember member;
    private Listener listener;

    /**
     * @param restUrl this worker's advertised REST URL, where the others forward requests when it leads
     * @param time    the group client's clock: heartbeats, session and rebalance timeouts
     */
    public WorkerGroupMembership(Map<String, ?> workerProps, String restUrl, ConfigBackingStore configStore,
                                 Time time) {
        this.configStore = configStore;
        this.member = new WorkerGroupMember(new GroupMembershipConfig(workerProps), restUrl, this, this, time);
    }

    @Override
    public void setListener(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void poll(long timeoutMs) {
        member.poll(timeoutMs);
    }

    @Override
    public void wakeup() {
        member.wakeup();
    }

    @Override
    public void requestRejoin() {
        member.requestRejoin();
    }

    /** The group member's metrics registry, beside the worker's; closed with the membership. */
    public Metrics metrics() {
        return member.metrics();
    }

    @Override
    public String memberId() {
        return member.memberId();
    }

    @Override
    public WorkOwners owners() {
        return member.owners();
    }

    @Override
    public String protocol() {
        return member.currentProtocol().name();
    }

    @Override
    public void close() {
        member.close();
    }

    @Override
    public void onAssigned(Assignment assignment, int generation) {
        listener.onAssigned(new WorkAssignment(generation, assignment.leader(), assignment.leaderUrl(),
                assignment.configOffset(), assignment.failed(), memberId().equals(assignment.leader()),
                Set.copyOf(assignment.connectors()), Set.copyOf(assignment.tasks()), assignment.delay()));
    }

    @Override
    public void onRevoked(String leader, Collection<String> connectors, Collection<ConnectorTaskId> tasks) {
        listener.onRevoked(connectors, tasks);
    }

    @Override
    public void onRebalanceStarting() {
        listener.onRebalanceStarting();
    }

    @Override
    public void onPollTimeoutExpiry() {
        log.warn("The herder thread was busy longer than rebalance.timeout.ms, so this worker left the group; it "
                + "rejoins at its next poll");
    }

    @Override
    public ClusterConfigView current() {
        return view(configStore.snapshot());
    }

    @Override
    public ClusterConfigView fresh() {
        try {
            configStore.refresh(FRESH_READ_TIMEOUT);
        } catch (TimeoutException | RuntimeException e) {
            log.warn("Could not read the config topic to its end before assigning: {}", e.getMessage());
        }
        return current();
    }

    private static ClusterConfigView view(ClusterConfigState snapshot) {
        return new ClusterConfigView() {
            @Override
            public long offset() {
                return snapshot.offset();
            }

            @Override
            public Set<String> connectors() {
                return snapshot.connectors();
            }

            @Override
            public List<ConnectorTaskId> tasks(String connector) {
                return snapshot.tasks(connector);
            }
        };
    }
}
