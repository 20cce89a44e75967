package io.tributary.connect.status;

import io.tributary.connect.distributed.GroupGeneration;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.State;
import org.junit.jupiter.api.Test;

class GenerationStampingStatusStoreTest {

    private final MemoryStatusStore backing = new MemoryStatusStore();
    private final GroupGeneration generation = generationFive();
    private final GenerationStampingStatusStore store = new GenerationStampingStatusStore(backing, generation);
    private final ConnectorTaskId task = new ConnectorTaskId("c", 0);

    @Test
    void statusesCarryTheCurrentGeneration() {
        store.put(new TaskStatus(task, State.RUNNING, "w1", 0, "1.0"));
        assertThat(backing.get(task).generation()).isEqualTo(5);
    }

    @Test
    void aWorkerOfAnOlderGenerationCannotOverwriteTheNewOwnersStatus() {
        backing.put(new TaskStatus(task, State.RUNNING, "new-owner", 7, "1.0"));
        store.put(new TaskStatus(task, State.UNASSIGNED, "old-owner", 0, "1.0"));
        assertThat(backing.get(task).workerId()).isEqualTo("new-owner");
    }

    @Test
    void aFailureReportLosesToAnotherWorkersNewerReportToo() {
        backing.put(new TaskStatus(task, State.RUNNING, "new-owner", 7, "1.0"));
        store.put(new TaskStatus(task, State.FAILED, "boom", "old-owner", 0, "1.0"));
        assertThat(backing.get(task).state()).isEqualTo(State.RUNNING);
    }

    @Test
    void aWorkerMayReplaceItsOwnReportOfANewerGeneration() {
        backing.put(new TaskStatus(task, State.RUNNING, "w1", 7, "1.0"));
        store.put(new TaskStatus(task, State.UNASSIGNED, "w1", 0, "1.0"));
        assertThat(backing.get(task)).isEqualTo(new TaskStatus(task, State.UNASSIGNED, "w1", 5, "1.0"));
    }

    @Test
    void reportsOfRunningPausedStoppedAndRestartingInstancesAreAlwaysWritten() {
        for (State state : new State[] {State.RUNNING, State.PAUSED, State.STOPPED, State.RESTARTING}) {
            backing.put(new ConnectorStatus("c", State.UNASSIGNED, "other", 9, "1.0"));
            store.put(new ConnectorStatus("c", state, "w1", 0, "1.0"));
            assertThat(backing.get("c")).as(state.name())
                    .isEqualTo(new ConnectorStatus("c", state, "w1", 5, "1.0"));
        }
    }

    @Test
    void deletionsAreWrittenWhateverTheGeneration() {
        backing.put(new ConnectorStatus("c", State.RUNNING, "w", 9, "1.0"));
        store.put(new ConnectorStatus("c", State.DESTROYED, "w", 0, "1.0"));
        assertThat(backing.get("c")).isNull();
    }

    private static GroupGeneration generationFive() {
        GroupGeneration generation = new GroupGeneration();
        generation.joined(5);
        return generation;
    }
}
