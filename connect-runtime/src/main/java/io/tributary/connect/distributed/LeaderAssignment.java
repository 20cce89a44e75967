package io.tributary.connect.distributed;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connect.logging.PeriodicWarning;
import org.apache.kafka.common.message.JoinGroupResponseData.JoinGroupResponseMember;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The elected leader's job in one rebalance: read every member's metadata, make sure its own view of the
 * config topic is at least as recent as any member's, run the assignor of the elected protocol, and encode
 * one assignment per member. A leader that cannot catch up hands everyone {@code CONFIG_MISMATCH} so the
 * group rebalances again once it can.
 */
final class LeaderAssignment {

    private static final Logger log = LoggerFactory.getLogger(LeaderAssignment.class);

    /** How often a leader that keeps falling behind its members is reported. */
    private static final long REPORT_INTERVAL_MS = 30_000;

    private final ConfigSnapshots configs;
    private final EagerAssignor eagerAssignor = new EagerAssignor();
    private final IncrementalCooperativeAssignor cooperativeAssignor;
    private final PeriodicWarning behind;
    /** Who runs what after the last round this worker assigned as leader; unknown until then. */
    private volatile WorkOwners owners = WorkOwners.UNKNOWN;

    LeaderAssignment(ConfigSnapshots configs, IncrementalCooperativeAssignor cooperativeAssignor, Time time) {
        this.configs = configs;
        this.cooperativeAssignor = cooperativeAssignor;
        this.behind = new PeriodicWarning(log, time, REPORT_INTERVAL_MS);
    }

    Map<String, ByteBuffer> assign(String leaderId, ConnectProtocolVersion protocol,
                                   List<JoinGroupResponseMember> joined, int generation, int lastCompletedGeneration) {
        Map<String, WorkerState> members = new LinkedHashMap<>();
        for (JoinGroupResponseMember member : joined) {
            members.put(member.memberId(), WorkerStateCodec.decode(ByteBuffer.wrap(member.metadata())));
        }
        String leaderUrl = members.get(leaderId).url();
        long maxOffset = members.values().stream().mapToLong(WorkerState::configOffset).max().orElse(-1L);
        ClusterConfigView config = configs.current();
        // Assigned at the highest offset a member reported, or, when the leader had to read on to reach it, at
        // the offset it read to (as Kafka Connect's leader does): members then catch up to every config the
        // leader assigned from.
        long assignedOffset = maxOffset;
        if (config.offset() < maxOffset) {
            log.info("Leader's config is at offset {} but a member has read to {}; reading to the end first",
                config.offset(), maxOffset);
            config = configs.fresh();
            assignedOffset = config.offset();
        }
        Map<String, Assignment> assignments;
        if (config.offset() < maxOffset) {
            behind.warn("Leader could only read the config topic to offset {}, while members report {}; asking "
                + "members to rejoin", config.offset(), offsetsByUrl(members));
            assignments = mismatch(members, leaderId, leaderUrl, protocol, maxOffset);
        } else {
            behind.reset();
            AssignmentRound round = new AssignmentRound(leaderId, leaderUrl, protocol, members, assignedOffset, config,
                generation, lastCompletedGeneration);
            assignments = (protocol.cooperative() ? cooperativeAssignor : eagerAssignor).assign(round);
        }
        owners = WorkOwners.after(members, assignments, protocol);
        log.debug("Assignments for generation {}: {}", generation, assignments);
        Map<String, ByteBuffer> encoded = new LinkedHashMap<>();
        assignments.forEach((member, assignment) -> encoded.put(member, AssignmentCodec.encode(assignment, protocol)));
        return encoded;
    }

    /** Who runs each connector and task after the round this worker assigned last. */
    WorkOwners owners() {
        return owners;
    }

    /** A new round begins: what the last one decided may no longer hold. */
    void forgetOwners() {
        owners = WorkOwners.UNKNOWN;
    }

    /** What differs, for the log: each member's REST URL with the config offset it reported. */
    private static Map<String, Long> offsetsByUrl(Map<String, WorkerState> members) {
        Map<String, Long> offsets = new LinkedHashMap<>();
        members.values().forEach(member -> offsets.put(member.url(), member.configOffset()));
        return offsets;
    }

    private static Map<String, Assignment> mismatch(Map<String, WorkerState> members, String leaderId,
                                                    String leaderUrl, ConnectProtocolVersion protocol, long offset) {
        Map<String, Assignment> result = new LinkedHashMap<>();
        for (String member : members.keySet()) {
            result.put(member, new Assignment(protocol.version(), Assignment.CONFIG_MISMATCH, leaderId, leaderUrl,
                offset, List.of(), List.of(), List.of(), List.of(), 0));
        }
        return result;
    }
}
