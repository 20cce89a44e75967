package org.apache.kafka.connect.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConnectorHealthTest {

    private static final ConnectorState RUNNING = new ConnectorState("RUNNING", "w", null);
    private static final Map<Integer, TaskState> TASKS = Map.of(0, new TaskState(0, "RUNNING", "w", null));

    @Test
    void nameIsRequired() {
        for (String name : new String[] {null, "", "  "}) {
            assertThatThrownBy(() -> new ConnectorHealth(name, RUNNING, TASKS, ConnectorType.SOURCE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Connector name is required");
        }
    }

    @Test
    void connectorStateIsRequired() {
        assertThatThrownBy(() -> new ConnectorHealth("c", null, TASKS, ConnectorType.SOURCE))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("connectorState can't be null");
    }

    @Test
    void tasksAreRequired() {
        assertThatThrownBy(() -> new ConnectorHealth("c", RUNNING, null, ConnectorType.SOURCE))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("tasks can't be null");
    }

    @Test
    void typeIsRequired() {
        assertThatThrownBy(() -> new ConnectorHealth("c", RUNNING, TASKS, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("type can't be null");
    }

    @Test
    void taskMapIsKeptAsGiven() {
        Map<Integer, TaskState> tasks = new HashMap<>(TASKS);
        assertThat(new ConnectorHealth("c", RUNNING, tasks, ConnectorType.SOURCE).tasksState()).isSameAs(tasks);
    }

    @Test
    void healthsWithEqualFieldsAreEqual() {
        ConnectorHealth a = new ConnectorHealth("c", RUNNING, TASKS, ConnectorType.SOURCE);
        ConnectorHealth b = new ConnectorHealth("c", new ConnectorState("RUNNING", "w", null), new HashMap<>(TASKS),
                ConnectorType.SOURCE);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void typeTakesPartInEquality() {
        assertThat(new ConnectorHealth("c", RUNNING, TASKS, ConnectorType.SOURCE))
                .isNotEqualTo(new ConnectorHealth("c", RUNNING, TASKS, ConnectorType.SINK));
    }

    @Test
    void toStringShowsAllParts() {
        assertThat(new ConnectorHealth("c", RUNNING, TASKS, ConnectorType.SOURCE)).hasToString(
                "ConnectorHealth{name='c', connectorState=ConnectorState{state='RUNNING', traceMessage='null', "
                        + "workerId='w'}, tasks={0=TaskState{taskId='0'state='RUNNING', traceMessage='null', "
                        + "workerId='w'}}, type=source}");
    }
}
