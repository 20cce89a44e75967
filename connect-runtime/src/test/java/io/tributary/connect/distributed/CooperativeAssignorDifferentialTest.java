package io.tributary.connect.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Our cooperative assignor and Kafka Connect 4.1.1's, run side by side through the same histories (members
 * joining, leaving, bouncing and returning, connectors added, resized and deleted, time passing): every
 * round both must give every member the same new work, the same revocations and the same delay.
 *
 * <p>The histories avoid rounds whose outcome hinges on iteration order: where Apache breaks ties between
 * equally loaded members, or orders lost work, by hash-map iteration order, we use member id and sorted
 * order instead. The totals and the balance are the same; which member gets which item may differ.
 */
class CooperativeAssignorDifferentialTest {

    private static final int MAX_DELAY = 300_000;

    private final GroupSimulation group = new GroupSimulation();
    private IncrementalCooperativeAssignor ours;
    private ReferenceCooperativeAssignor apache;
    private int generation;

    @Test
    void initialAssignmentOfTwoMembers() {
        start(MAX_DELAY);
        group.configure("c1", 4).configure("c2", 4).configure("c3", 1).join("w1", "w2");
        round();
    }

    @Test
    void newMemberTakesItsShareThroughRevocationThenFollowUp() {
        start(MAX_DELAY);
        group.configure("c1", 4).configure("c2", 4).configure("c3", 1).join("w1", "w2");
        round();
        group.join("w3");
        round();
        round();
        round();
    }

    @Test
    void departedMembersWorkWaitsForTheDelayThenIsReassigned() {
        start(MAX_DELAY);
        group.configure("c1", 4).configure("c2", 4).configure("c3", 1).join("w1", "w2", "w3");
        round();
        group.leave("w3");
        round();
        group.advance(100_000);
        round();
        group.advance(200_001);
        round();
        round();
    }

    @Test
    void memberReturningUnderANewIdGetsTheHeldBackWorkAtExpiry() {
        start(MAX_DELAY);
        group.configure("a", 3).configure("b", 3).join("w1", "w2", "w3");
        round();
        group.leave("w3");
        round();
        group.advance(1_000);
        group.join("w4");
        round();
        group.advance(299_001);
        round();
        round();
    }

    @Test
    void bouncedMemberKeepingItsWorkCancelsTheDelay() {
        start(MAX_DELAY);
        group.configure("a", 3).configure("b", 3).join("w1", "w2", "w3");
        round();
        WorkerState away = group.leave("w3");
        round();
        group.advance(5_000);
        group.rejoin("w3", away);
        round();
        group.advance(MAX_DELAY);
        round();
    }

    @Test
    void workLostWithoutAnyoneLeavingIsReassignedAtOnce() {
        start(MAX_DELAY);
        group.configure("a", 3).configure("b", 3).join("w1", "w2", "w3");
        round();
        group.rejoin("w3", new WorkerState("http://w3:8083/", group.configOffset));
        round();
    }

    @Test
    void consecutiveRevokingRoundsBackOff() {
        start(MAX_DELAY);
        group.configure("a", 6).configure("b", 6).join("w1", "w2");
        round();
        group.join("w3");
        round();
        group.join("w4");
        round();
        round();
        group.advance(20);
        round();
        round();
    }

    @Test
    void withoutMaxDelayEverythingHappensAtOnce() {
        start(0);
        group.configure("a", 40).configure("b", 40).join("w01");
        round();
        for (int i = 2; i <= 6; i++) {
            group.join("w0" + i);
            round();
        }
        round();
    }

    @Test
    void deletedAndShrunkConnectorsAreRevokedAndNewOnesSpread() {
        start(MAX_DELAY);
        group.configure("a", 3).configure("b", 3).join("w1", "w2", "w3");
        round();
        group.delete("b").configure("a", 2).configure("c", 4);
        round();
        round();
    }

    @Test
    void workClaimedByTwoMembersIsRevokedFromBoth() {
        start(MAX_DELAY);
        group.configure("a", 2).configure("b", 2).join("w1", "w2");
        round();
        WorkerState w2 = group.members.get("w2");
        Assignment claimed = group.members.get("w1").assignment();
        List<String> connectors = new java.util.ArrayList<>(w2.assignment().connectors());
        connectors.addAll(claimed.connectors());
        List<ConnectorTaskId> tasks = new java.util.ArrayList<>(w2.assignment().tasks());
        tasks.add(claimed.tasks().get(0));
        group.rejoin("w2", new WorkerState(w2.url(), w2.configOffset(), w2.assignment().withWork(connectors, tasks)));
        round();
        round();
    }

    private void start(int maxDelay) {
        ours = new IncrementalCooperativeAssignor(group.clock, maxDelay);
        apache = new ReferenceCooperativeAssignor(group.clock::milliseconds, maxDelay);
    }

    private void round() {
        generation++;
        Map<String, Assignment> expected = apache.assign(group.leader(), group.configOffset, group.members,
            group.taskCounts, ConnectProtocolVersion.COMPATIBLE);
        Map<String, Assignment> actual = ours.assign(
            group.round(ConnectProtocolVersion.COMPATIBLE, generation - 1, generation));
        assertThat(comparable(actual)).as("round %d, members %s", generation, group.members)
            .isEqualTo(comparable(expected));
        group.apply(actual);
    }

    /** Per member: sorted new and revoked work, delay and leader; list order is not part of the contract. */
    private static Map<String, String> comparable(Map<String, Assignment> assignments) {
        Map<String, String> view = new TreeMap<>();
        assignments.forEach((member, a) -> view.put(member, "+c" + sorted(a.connectors()) + " +t" + sorted(a.tasks())
            + " -c" + sorted(a.revokedConnectors()) + " -t" + sorted(a.revokedTasks()) + " delay=" + a.delay()
            + " leader=" + a.leader() + " offset=" + a.configOffset() + " v" + a.version() + " e" + a.error()));
        return view;
    }

    private static <T> List<String> sorted(List<T> items) {
        return items.stream().map(Object::toString).sorted().toList();
    }
}
