package io.tributary.connect.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.tributary.connect.ManualTime;
import org.apache.kafka.common.message.JoinGroupResponseData.JoinGroupResponseMember;
import org.junit.jupiter.api.Test;

/** The leader's config check before assigning, and the encoding of what it hands out. */
class LeaderAssignmentTest {

    private final FixedConfigSnapshots behind = new FixedConfigSnapshots().put("a", 2);
    private final FixedConfigSnapshots ahead = new FixedConfigSnapshots().put("a", 2).put("b", 1).put("c", 1);
    private final AtomicInteger freshReads = new AtomicInteger();

    @Test
    void leaderBehindAMemberReadsTheConfigTopicToTheEndFirst() {
        ConfigSnapshots catchingUp = snapshots(behind, ahead);
        Map<String, Assignment> result = assign(catchingUp, ConnectProtocolVersion.SESSIONED,
            member("w1", behind.current().offset()), member("w2", ahead.current().offset()));
        assertThat(freshReads).hasValue(1);
        assertThat(result.values()).allSatisfy(a -> {
            assertThat(a.failed()).isFalse();
            assertThat(a.configOffset()).isEqualTo(ahead.current().offset());
        });
        List<String> connectors = new ArrayList<>();
        result.values().forEach(a -> connectors.addAll(a.connectors()));
        assertThat(connectors).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void leaderThatReadPastTheMembersAssignsAtTheOffsetItReadTo() {
        FixedConfigSnapshots further = new FixedConfigSnapshots().put("a", 2).put("b", 1).put("c", 1).put("d", 1);
        Map<String, Assignment> result = assign(snapshots(behind, further), ConnectProtocolVersion.SESSIONED,
            member("w1", behind.current().offset()), member("w2", ahead.current().offset()));

        assertThat(result.values()).allSatisfy(a -> assertThat(a.configOffset()).isEqualTo(further.current().offset()));
        List<String> connectors = new ArrayList<>();
        result.values().forEach(a -> connectors.addAll(a.connectors()));
        assertThat(connectors).containsExactlyInAnyOrder("a", "b", "c", "d");
    }

    @Test
    void leaderThatCannotCatchUpHandsEveryoneAConfigMismatch() {
        ConfigSnapshots stuck = snapshots(behind, behind);
        Map<String, Assignment> result = assign(stuck, ConnectProtocolVersion.COMPATIBLE,
            member("w1", behind.current().offset()), member("w2", ahead.current().offset()));
        assertThat(result.values()).allSatisfy(a -> {
            assertThat(a.error()).isEqualTo(Assignment.CONFIG_MISMATCH);
            assertThat(a.configOffset()).isEqualTo(ahead.current().offset());
            assertThat(a.leader()).isEqualTo("w1");
            assertThat(a.connectors()).isEmpty();
            assertThat(a.version()).isEqualTo((short) 1);
        });
    }

    @Test
    void leaderUpToDateDoesNotRereadTheConfigTopic() {
        assign(snapshots(ahead, ahead), ConnectProtocolVersion.EAGER, member("w1", ahead.current().offset()),
            member("w2", behind.current().offset()));
        assertThat(freshReads).hasValue(0);
    }

    @Test
    void eagerGroupsGetVersionZeroAssignmentsFromTheRoundRobinAssignor() {
        Map<String, Assignment> result = assign(snapshots(ahead, ahead), ConnectProtocolVersion.EAGER,
            member("w1", ahead.current().offset()), member("w2", ahead.current().offset()));
        assertThat(result.get("w1").version()).isZero();
        assertThat(result.get("w1").connectors()).containsExactly("a", "c");
        assertThat(result.get("w2").connectors()).containsExactly("b");
    }

    private Map<String, Assignment> assign(ConfigSnapshots configs, ConnectProtocolVersion protocol,
                                           JoinGroupResponseMember... members) {
        LeaderAssignment leader = new LeaderAssignment(configs, new IncrementalCooperativeAssignor(new ManualTime(0), 1000),
                new ManualTime(0));
        Map<String, ByteBuffer> encoded = leader.assign("w1", protocol, List.of(members), 1, -1);
        Map<String, Assignment> decoded = new java.util.TreeMap<>();
        encoded.forEach((member, bytes) -> decoded.put(member, AssignmentCodec.decode(bytes)));
        return decoded;
    }

    private JoinGroupResponseMember member(String id, long offset) {
        ByteBuffer metadata = WorkerStateCodec.encode(new WorkerState("http://" + id + ":8083/", offset),
            ConnectProtocolVersion.COMPATIBLE);
        byte[] bytes = new byte[metadata.remaining()];
        metadata.get(bytes);
        return new JoinGroupResponseMember().setMemberId(id).setMetadata(bytes);
    }

    private ConfigSnapshots snapshots(FixedConfigSnapshots current, FixedConfigSnapshots afterReading) {
        return new ConfigSnapshots() {
            @Override
            public ClusterConfigView current() {
                return current.current();
            }

            @Override
            public ClusterConfigView fresh() {
                freshReads.incrementAndGet();
                return afterReading.current();
            }
        };
    }
}
