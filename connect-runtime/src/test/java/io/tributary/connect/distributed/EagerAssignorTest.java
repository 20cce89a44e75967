package io.tributary.connect.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EagerAssignorTest {

    private final GroupSimulation group = new GroupSimulation();
    private final EagerAssignor assignor = new EagerAssignor();

    @Test
    void dealsConnectorsThenTasksRoundRobinOverMembersInIdOrder() {
        group.configure("c1", 2).configure("c2", 2).join("w3", "w1", "w2");
        Map<String, Assignment> result = assignor.assign(group.round(ConnectProtocolVersion.EAGER, -1, 1));
        assertThat(result.get("w1").connectors()).containsExactly("c1");
        assertThat(result.get("w2").connectors()).containsExactly("c2");
        assertThat(result.get("w3").connectors()).isEmpty();
        // The deal continues where the connectors stopped: c1-0 goes to w3.
        assertThat(result.get("w3").tasks()).containsExactly(task("c1", 0), task("c2", 1));
        assertThat(result.get("w1").tasks()).containsExactly(task("c1", 1));
        assertThat(result.get("w2").tasks()).containsExactly(task("c2", 0));
    }

    @Test
    void everyMemberGetsAnAssignmentEvenWithNothingToRun() {
        group.join("w1", "w2");
        Map<String, Assignment> result = assignor.assign(group.round(ConnectProtocolVersion.EAGER, -1, 1));
        assertThat(result).containsOnlyKeys("w1", "w2");
        assertThat(result.get("w2").connectors()).isEmpty();
        assertThat(result.get("w2").tasks()).isEmpty();
    }

    @Test
    void assignmentsAreVersionZeroWithLeaderOffsetAndNoRevocations() {
        group.configure("c1", 1).join("w1", "w2");
        Assignment assignment = assignor.assign(group.round(ConnectProtocolVersion.EAGER, -1, 1)).get("w2");
        assertThat(assignment.version()).isZero();
        assertThat(assignment.leader()).isEqualTo("w1");
        assertThat(assignment.leaderUrl()).isEqualTo("http://w1:8083/");
        assertThat(assignment.configOffset()).isEqualTo(group.configOffset);
        assertThat(assignment.hasRevocations()).isFalse();
        assertThat(assignment.delay()).isZero();
    }

    @Test
    void ignoresWhatMembersRanBeforeAndDealsEverythingAfresh() {
        group.configure("c1", 3).join("w1", "w2");
        Map<String, Assignment> first = assignor.assign(group.round(ConnectProtocolVersion.EAGER, -1, 1));
        group.apply(first);
        group.join("w3");
        Map<String, Assignment> second = assignor.assign(group.round(ConnectProtocolVersion.EAGER, 1, 2));
        assertThat(second.get("w1").tasks()).containsExactly(task("c1", 2));
        assertThat(second.get("w2").tasks()).containsExactly(task("c1", 0));
        assertThat(second.get("w3").tasks()).containsExactly(task("c1", 1));
    }

    private static ConnectorTaskId task(String connector, int task) {
        return new ConnectorTaskId(connector, task);
    }
}
