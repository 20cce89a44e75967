package io.tributary.connect.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.utils.Time;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Group membership against a real broker: members in one JVM, each polled by its own "herder" thread,
 * form a group through the broker's group coordinator, elect a leader and split the work.
 */
@ExtendWith(KafkaBrokerExtension.class)
class WorkerGroupMembershipTest {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final String groupId = "connect-it-" + UUID.randomUUID();
    private final FixedConfigSnapshots configs = new FixedConfigSnapshots()
        .put("source", 4).put("sink", 3).put("mirror", 2);
    private final List<TestMember> members = new ArrayList<>();

    @AfterEach
    void stopMembers() throws InterruptedException {
        for (TestMember member : members) {
            member.close();
        }
    }

    @Test
    void aPollReturnsOnceTheGroupHandedOutAnAssignmentRatherThanAtItsTimeout(KafkaBroker broker) {
        List<Integer> generations = new CopyOnWriteArrayList<>();
        WorkerRebalanceListener listener = new WorkerRebalanceListener() {
            @Override
            public void onAssigned(Assignment assignment, int generation) {
                generations.add(generation);
            }

            @Override
            public void onRevoked(String leader, Collection<String> connectors, Collection<ConnectorTaskId> tasks) {
            }
        };
        WorkerGroupMember member = new WorkerGroupMember(new GroupMembershipConfig(Map.of(
                "bootstrap.servers", broker.bootstrapServers(), "group.id", groupId)),
                "http://w1:8083/", configs, listener, Time.SYSTEM);
        try {
            assertTimeoutPreemptively(SETTLE, () -> member.poll(Duration.ofHours(1).toMillis()));
            assertThat(generations).hasSize(1);
        } finally {
            member.close();
        }
    }

    @Test
    void twoMembersElectOneLeaderAndShareAllWorkExactlyOnce(KafkaBroker broker) {
        TestMember first = start(broker, "w1", Map.of());
        TestMember second = start(broker, "w2", Map.of());
        awaitBalanced(first, second);
        assertThat(first.assignment().leader()).isEqualTo(second.assignment().leader())
            .isIn(first.memberId(), second.memberId());
        String leaderUrl = first.assignment().leader().equals(first.memberId()) ? "http://w1:8083/" : "http://w2:8083/";
        assertThat(second.assignment().leaderUrl()).isEqualTo(leaderUrl);
        assertThat(first.protocolVersion()).isEqualTo(ConnectProtocolVersion.SESSIONED.version());
    }

    @Test
    void threeMembersShareAllWorkExactlyOnceAndEvenly(KafkaBroker broker) {
        TestMember first = start(broker, "w1", Map.of());
        TestMember second = start(broker, "w2", Map.of());
        awaitBalanced(first, second);
        TestMember third = start(broker, "w3", Map.of());
        awaitBalanced(first, second, third);
        assertThat(third.work()).isNotEmpty();
    }

    @Test
    void departedMembersWorkMovesOnlyAfterTheScheduledDelay(KafkaBroker broker) throws InterruptedException {
        Map<String, String> delay = Map.of("scheduled.rebalance.max.delay.ms", "4000");
        TestMember one = start(broker, "w1", delay);
        TestMember other = start(broker, "w2", delay);
        awaitBalanced(one, other);
        // The leader remembers the previous assignment; a new leader would simply hand everything out.
        TestMember leader = one.assignment().leader().equals(one.memberId()) ? one : other;
        TestMember leaver = leader == one ? other : one;
        List<String> keptBefore = leader.work();
        leaver.close();
        members.remove(leaver);
        await().atMost(SETTLE).until(() -> leader.assignment().delay() > 0);
        assertThat(leader.work()).as("nothing moves while the leaver may come back").isEqualTo(keptBefore);
        awaitBalanced(leader);
    }

    @Test
    void crashedMemberIsDroppedAtSessionTimeoutAndItsWorkReassigned(KafkaBroker broker) throws InterruptedException {
        Map<String, String> noDelay = Map.of("scheduled.rebalance.max.delay.ms", "0");
        TestMember first = start(broker, "w1", noDelay);
        TestMember second = start(broker, "w2", noDelay);
        TestMember third = start(broker, "w3", noDelay);
        awaitBalanced(first, second, third);
        third.crash();
        members.remove(third);
        awaitBalanced(first, second);
    }

    @Test
    void eagerGroupDealsAllWorkOutAgainWhenAMemberLeaves(KafkaBroker broker) throws InterruptedException {
        Map<String, String> eager = Map.of("connect.protocol", "eager");
        TestMember first = start(broker, "w1", eager);
        TestMember second = start(broker, "w2", eager);
        awaitBalanced(first, second);
        assertThat(first.protocolVersion()).isZero();
        second.close();
        members.remove(second);
        awaitBalanced(first);
        assertThat(first.events()).anySatisfy(event -> assertThat(event).startsWith("revoked"));
    }

    @Test
    void mixedModesAgreeOnTheNewestProtocolAllSupport(KafkaBroker broker) {
        TestMember sessioned = start(broker, "w1", Map.of());
        TestMember compatible = start(broker, "w2", Map.of("connect.protocol", "compatible"));
        awaitBalanced(sessioned, compatible);
        assertThat(sessioned.protocolVersion()).isEqualTo(ConnectProtocolVersion.COMPATIBLE.version());
        assertThat(compatible.protocolVersion()).isEqualTo(ConnectProtocolVersion.COMPATIBLE.version());
    }

    private TestMember start(KafkaBroker broker, String name, Map<String, String> overrides) {
        TestMember member = new TestMember(name, broker.bootstrapServers(), groupId, configs, overrides);
        members.add(member);
        return member;
    }

    /** Waits until the given members (and only they) run every item exactly once, each within one of the others. */
    private void awaitBalanced(TestMember... group) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            List<String> all = new ArrayList<>();
            for (TestMember member : group) {
                assertThat(member.assignment()).as(member.name() + " assigned").isNotNull();
                all.addAll(member.work());
            }
            assertThat(all).containsExactlyInAnyOrderElementsOf(configs.allWork());
            int generation = group[0].generation();
            for (TestMember member : group) {
                assertThat(member.generation()).as("same generation").isEqualTo(generation);
                assertThat(member.assignment().failed()).isFalse();
            }
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (TestMember member : group) {
                min = Math.min(min, member.work().size());
                max = Math.max(max, member.work().size());
            }
            assertThat(max - min).as("balanced").isLessThanOrEqualTo(2);
        });
    }
}
