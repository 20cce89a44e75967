package io.tributary.connect.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WorkOwnersTest {

    private static final ConnectorTaskId A0 = new ConnectorTaskId("a", 0);
    private static final ConnectorTaskId A1 = new ConnectorTaskId("a", 1);

    @Test
    void underTheCooperativeProtocolsAMemberKeepsWhatItHeldExceptWhatIsRevoked() {
        WorkerState w1 = new WorkerState("http://w1:8083/", 5, assignment(List.of("a"), List.of(A0, A1), 0));
        WorkerState w2 = new WorkerState("http://w2:8083/", 5);
        Map<String, Assignment> round = Map.of(
                "m1", new Assignment((short) 1, Assignment.NO_ERROR, "m1", "http://w1:8083/", 5, List.of(), List.of(),
                        List.of(), List.of(A1), 0),
                "m2", assignment(List.of("b"), List.of(), 0));

        WorkOwners owners = WorkOwners.after(Map.of("m1", w1, "m2", w2), round, ConnectProtocolVersion.SESSIONED);

        assertThat(owners.ownerUrl("a")).isEqualTo("http://w1:8083/");
        assertThat(owners.ownerUrl(A0)).isEqualTo("http://w1:8083/");
        assertThat(owners.ownerUrl(A1)).as("revoked, not yet given to anyone").isNull();
        assertThat(owners.ownerUrl("b")).isEqualTo("http://w2:8083/");
    }

    @Test
    void underTheEagerProtocolAMemberHoldsOnlyWhatItIsGiven() {
        WorkerState w1 = new WorkerState("http://w1:8083/", 5, assignment(List.of("a"), List.of(A0), 0));
        Map<String, Assignment> round = Map.of("m1", Assignment.eager(Assignment.NO_ERROR, "m1", "http://w1:8083/", 5,
                List.of("b"), List.of(A1)));

        WorkOwners owners = WorkOwners.after(Map.of("m1", w1), round, ConnectProtocolVersion.EAGER);

        assertThat(owners.ownerUrl("a")).isNull();
        assertThat(owners.ownerUrl(A0)).isNull();
        assertThat(owners.ownerUrl("b")).isEqualTo("http://w1:8083/");
        assertThat(owners.ownerUrl(A1)).isEqualTo("http://w1:8083/");
    }

    @Test
    void aFailedRoundTellsNoOwner() {
        WorkerState w1 = new WorkerState("http://w1:8083/", 5, assignment(List.of("a"), List.of(A0), 0));
        Map<String, Assignment> round = Map.of("m1", new Assignment((short) 2, Assignment.CONFIG_MISMATCH, "m1",
                "http://w1:8083/", 6, List.of(), List.of(), List.of(), List.of(), 0));

        assertThat(WorkOwners.after(Map.of("m1", w1), round, ConnectProtocolVersion.SESSIONED).ownerUrl("a")).isNull();
    }

    private static Assignment assignment(List<String> connectors, List<ConnectorTaskId> tasks, int delay) {
        return new Assignment((short) 1, Assignment.NO_ERROR, "m1", "http://w1:8083/", 5, connectors, tasks, List.of(),
                List.of(), delay);
    }
}
