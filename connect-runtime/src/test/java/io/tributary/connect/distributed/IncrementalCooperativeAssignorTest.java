package io.tributary.connect.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The cooperative assignor's documented behaviours (KIP-415), one per test, driven round by round. */
class IncrementalCooperativeAssignorTest {

    private static final int MAX_DELAY = 300_000;

    private final GroupSimulation group = new GroupSimulation();
    private final IncrementalCooperativeAssignor assignor = new IncrementalCooperativeAssignor(group.clock, MAX_DELAY);
    private int generation;

    @Test
    void firstRoundAssignsEverythingOnceAndEvenly() {
        group.configure("a", 5).configure("b", 4).join("w1", "w2", "w3");
        round();
        assertCoveredExactlyOnce();
        assertThat(List.of(group.taskCount("w1"), group.taskCount("w2"), group.taskCount("w3"))).containsOnly(3);
    }

    @Test
    void newMemberTakesAFairShareThroughRevocationThenAFollowUpRound() {
        group.configure("a", 6).configure("b", 6).join("w1", "w2");
        round();
        group.join("w3");
        Map<String, Assignment> revoking = round();
        assertThat(revoking.get("w3").tasks()).as("moved work is given only after it stopped").isEmpty();
        assertThat(revoking.get("w1").revokedTasks().size() + revoking.get("w2").revokedTasks().size()).isEqualTo(4);
        Map<String, Assignment> followUp = round();
        assertThat(followUp.get("w3").tasks()).hasSize(4);
        assertThat(followUp.values()).allSatisfy(a -> assertThat(a.hasRevocations()).isFalse());
        assertCoveredExactlyOnce();
    }

    @Test
    void onlyMovedWorkIsRevoked() {
        group.configure("a", 6).join("w1", "w2");
        round();
        List<Object> keptByW1 = new ArrayList<>(group.members.get("w1").assignment().tasks());
        group.join("w3");
        Map<String, Assignment> revoking = round();
        keptByW1.removeAll(revoking.get("w1").revokedTasks());
        assertThat(keptByW1).hasSize(2);
        assertThat(revoking.get("w1").revokedConnectors()).isEmpty();
    }

    @Test
    void departedMembersWorkIsHeldBackForTheDelay() {
        group.configure("a", 6).join("w1", "w2", "w3");
        round();
        group.leave("w3");
        Map<String, Assignment> held = round();
        assertThat(held.values()).allSatisfy(a -> {
            assertThat(a.delay()).isEqualTo(MAX_DELAY);
            assertThat(a.tasks()).isEmpty();
        });
        group.advance(100_000);
        assertThat(round().get("w1").delay()).as("the remaining delay").isEqualTo(200_000);
    }

    @Test
    void heldBackWorkIsReassignedOnceTheDelayHasPassed() {
        group.configure("a", 6).join("w1", "w2", "w3");
        round();
        group.leave("w3");
        round();
        group.advance(MAX_DELAY);
        Map<String, Assignment> expired = round();
        assertThat(expired.get("w1").tasks().size() + expired.get("w2").tasks().size()).isEqualTo(2);
        assertThat(expired.get("w1").delay()).isZero();
        assertCoveredExactlyOnce();
    }

    @Test
    void memberBackWithItsWorkWithinTheDelayKeepsItAndCancelsTheDelay() {
        group.configure("a", 6).join("w1", "w2", "w3");
        round();
        WorkerState away = group.leave("w3");
        round();
        group.advance(10_000);
        group.rejoin("w3", away);
        Map<String, Assignment> back = round();
        assertThat(back.values()).allSatisfy(a -> {
            assertThat(a.delay()).isZero();
            assertThat(a.hasRevocations()).isFalse();
        });
        assertThat(group.taskCount("w3")).isEqualTo(2);
    }

    @Test
    void memberBackUnderANewIdGetsTheHeldBackWorkAtExpiry() {
        group.configure("a", 6).join("w1", "w2", "w3");
        round();
        group.leave("w3");
        round();
        group.advance(1_000);
        group.join("w3-restarted");
        assertThat(round().get("w3-restarted").tasks()).as("not before the delay ends").isEmpty();
        group.advance(MAX_DELAY);
        assertThat(round().get("w3-restarted").tasks()).hasSize(2);
    }

    @Test
    void addedTasksGoToTheLeastLoadedMembers() {
        group.configure("a", 4).join("w1", "w2");
        round();
        group.join("w3");
        round();
        round();
        group.configure("b", 3);
        Map<String, Assignment> grown = round();
        assertThat(grown.values()).allSatisfy(a -> assertThat(a.hasRevocations()).isFalse());
        assertCoveredExactlyOnce();
        int max = group.members.keySet().stream().mapToInt(group::taskCount).max().orElseThrow();
        int min = group.members.keySet().stream().mapToInt(group::taskCount).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
    }

    @Test
    void deletedConnectorsAndTheirTasksAreRevokedFromTheirOwners() {
        group.configure("a", 2).configure("b", 2).join("w1", "w2");
        round();
        group.delete("b");
        Map<String, Assignment> result = round();
        List<Object> revoked = new ArrayList<>();
        result.values().forEach(a -> {
            revoked.addAll(a.revokedConnectors());
            revoked.addAll(a.revokedTasks());
        });
        assertThat(revoked).extracting(Object::toString).containsExactlyInAnyOrder("b", "b-0", "b-1");
        assertCoveredExactlyOnce();
    }

    @Test
    void shrinkingAConnectorRevokesOnlyTheTasksThatNoLongerExist() {
        group.configure("a", 4).join("w1", "w2");
        round();
        group.configure("a", 2);
        Map<String, Assignment> result = round();
        List<Object> revoked = new ArrayList<>();
        result.values().forEach(a -> revoked.addAll(a.revokedTasks()));
        assertThat(revoked).extracting(Object::toString).containsExactlyInAnyOrder("a-2", "a-3");
    }

    @Test
    void workClaimedByTwoMembersIsRevokedFromBothThenAssignedOnce() {
        group.configure("a", 2).join("w1", "w2");
        round();
        WorkerState w2 = group.members.get("w2");
        List<ConnectorTaskId> tasks = new ArrayList<>(w2.assignment().tasks());
        tasks.addAll(group.members.get("w1").assignment().tasks());
        group.rejoin("w2", new WorkerState(w2.url(), w2.configOffset(),
            w2.assignment().withWork(w2.assignment().connectors(), tasks)));
        Map<String, Assignment> result = round();
        assertThat(result.get("w1").revokedTasks()).hasSize(1);
        assertThat(result.get("w2").revokedTasks()).hasSize(1);
        round();
        assertCoveredExactlyOnce();
    }

    @Test
    void unevenLoadIsRebalancedEvenWithoutNewMembers() {
        group.configure("a", 10).join("w1");
        round();
        group.join("w2", "w3", "w4");
        round();
        round();
        int max = group.members.keySet().stream().mapToInt(group::taskCount).max().orElseThrow();
        int min = group.members.keySet().stream().mapToInt(group::taskCount).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
        assertCoveredExactlyOnce();
    }

    @Test
    void revokingAgainRightAfterARevokingRoundIsPutOffWithABackoff() {
        group.configure("a", 6).configure("b", 6).join("w1", "w2");
        round();
        group.join("w3");
        round();
        group.join("w4");
        Map<String, Assignment> consecutive = round();
        assertThat(consecutive.values()).allSatisfy(a -> {
            assertThat(a.hasRevocations()).isFalse();
            assertThat(a.delay()).isEqualTo(40);
        });
        group.advance(40);
        Map<String, Assignment> later = round();
        assertThat(later.values().stream().mapToInt(a -> a.revokedTasks().size()).sum()).isPositive();
    }

    @Test
    void withoutAMaxDelayLostWorkIsReassignedAtOnce() {
        IncrementalCooperativeAssignor immediate = new IncrementalCooperativeAssignor(group.clock, 0);
        group.configure("a", 6).join("w1", "w2", "w3");
        group.apply(immediate.assign(group.round(ConnectProtocolVersion.COMPATIBLE, 0, 1)));
        group.leave("w3");
        Map<String, Assignment> result = immediate.assign(group.round(ConnectProtocolVersion.COMPATIBLE, 1, 2));
        group.apply(result);
        assertThat(result.values()).allSatisfy(a -> assertThat(a.delay()).isZero());
        assertCoveredExactlyOnce();
    }

    @Test
    void aLeaderThatDidNotAssignTheLastGenerationForgetsItsViewAndHoldsNothingBack() {
        group.configure("a", 6).join("w1", "w2", "w3");
        round();
        group.leave("w3");
        generation += 5;
        Map<String, Assignment> result = assignor.assign(
            group.round(ConnectProtocolVersion.COMPATIBLE, generation - 1, generation));
        group.apply(result);
        assertThat(result.get("w1").delay()).isZero();
        assertCoveredExactlyOnce();
    }

    @Test
    void sessionedRoundsProduceVersionTwoAssignments() {
        group.configure("a", 1).join("w1");
        Assignment assignment = assignor.assign(group.round(ConnectProtocolVersion.SESSIONED, -1, 1)).get("w1");
        assertThat(assignment.version()).isEqualTo((short) 2);
    }

    private Map<String, Assignment> round() {
        generation++;
        Map<String, Assignment> result = assignor.assign(
            group.round(ConnectProtocolVersion.COMPATIBLE, generation - 1, generation));
        group.apply(result);
        return result;
    }

    private void assertCoveredExactlyOnce() {
        Map<Object, List<String>> owners = group.owners();
        assertThat(owners.keySet()).containsExactlyInAnyOrderElementsOf(group.configuredWork());
        assertThat(owners.values()).allSatisfy(list -> assertThat(list).hasSize(1));
    }
}
