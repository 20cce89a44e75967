package org.apache.kafka.connect.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

class HealthStateTest {

    @Test
    void stateMustNotBeNullEmptyOrBlank() {
        for (String state : new String[] {null, "", "  "}) {
            assertThatThrownBy(() -> new ConnectorState(state, "w", null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("State must not be null or empty");
        }
    }

    @Test
    void workerIdMustNotBeNullEmptyOrBlank() {
        for (String workerId : new String[] {null, "", "\t"}) {
            assertThatThrownBy(() -> new TaskState(0, "RUNNING", workerId, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Worker ID must not be null or empty");
        }
    }

    @Test
    void traceMessageIsOptional() {
        assertThat(new ConnectorState("RUNNING", "w", null).traceMessage()).isNull();
    }

    @Test
    void statesWithEqualFieldsAreEqual() {
        assertThat(new ConnectorState("FAILED", "w", "boom"))
                .isEqualTo(new ConnectorState("FAILED", "w", "boom"))
                .hasSameHashCodeAs(new ConnectorState("FAILED", "w", "boom"));
    }

    @Test
    void traceMessageTakesPartInEquality() {
        assertThat(new ConnectorState("FAILED", "w", "a")).isNotEqualTo(new ConnectorState("FAILED", "w", "b"));
    }

    @Test
    void connectorAndTaskStatesAreNeverEqual() {
        assertThat(new ConnectorState("RUNNING", "w", null)).isNotEqualTo(new TaskState(0, "RUNNING", "w", null));
        assertThat(new TaskState(0, "RUNNING", "w", null)).isNotEqualTo(new ConnectorState("RUNNING", "w", null));
    }

    @Test
    void taskIdTakesPartInEquality() {
        assertThat(new TaskState(1, "RUNNING", "w", null)).isNotEqualTo(new TaskState(2, "RUNNING", "w", null));
    }

    @Test
    void stateHashCombinesStateTraceAndWorker() {
        assertThat(new ConnectorState("RUNNING", "w1", "tr").hashCode()).isEqualTo(Objects.hash("RUNNING", "tr", "w1"));
    }

    @Test
    void taskHashAddsTheTaskId() {
        ConnectorState base = new ConnectorState("FAILED", "w1", "boom");
        assertThat(new TaskState(3, "FAILED", "w1", "boom").hashCode()).isEqualTo(Objects.hash(base.hashCode(), 3));
    }

    @Test
    void connectorStateToString() {
        assertThat(new ConnectorState("RUNNING", "w1", null))
                .hasToString("ConnectorState{state='RUNNING', traceMessage='null', workerId='w1'}");
    }

    @Test
    void taskStateToString() {
        assertThat(new TaskState(3, "FAILED", "w1", "boom"))
                .hasToString("TaskState{taskId='3'state='FAILED', traceMessage='boom', workerId='w1'}");
    }

    @Test
    void connectorTypesPrintInLowerCase() {
        assertThat(ConnectorType.SOURCE).hasToString("source");
        assertThat(ConnectorType.valueOf("UNKNOWN")).hasToString("unknown");
    }

    @Test
    void clusterStateOptionalQueriesAreUnsupportedByDefault() {
        ConnectClusterState state = new ConnectClusterState() {
            @Override
            public Collection<String> connectors() {
                return java.util.List.of();
            }

            @Override
            public ConnectorHealth connectorHealth(String connName) {
                return null;
            }
        };
        assertThatThrownBy(() -> state.connectorConfig("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(state::clusterDetails).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void emptyTaskMapIsAllowed() {
        assertThat(new ConnectorHealth("c", new ConnectorState("RUNNING", "w", null), Map.of(), ConnectorType.SINK)
                .tasksState()).isEmpty();
    }
}
