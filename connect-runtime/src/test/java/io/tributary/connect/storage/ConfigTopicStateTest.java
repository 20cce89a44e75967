package io.tributary.connect.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigTopicStateTest {

    private final RecordingConfigListener listener = new RecordingConfigListener();
    private final ConfigTopicState state = new ConfigTopicState(listener);

    private ClusterConfigState replay(List<ApacheTopicDump.Record> records) {
        for (ApacheTopicDump.Record record : records) {
            state.advanceTo(record.offset());
            ConfigRecord decoded = ConfigRecordCodec.decode(record.key(), record.valueBytes());
            if (decoded != null) {
                state.apply(decoded);
            }
        }
        return state.snapshot();
    }

    private static List<ApacheTopicDump.Record> apacheUpTo(long offset) {
        return ApacheTopicDump.upTo(ApacheTopicDump.read(ApacheTopicDump.CONFIGS), offset);
    }

    @Test
    void apacheTopicBeforeTheDeletesHoldsEveryConnectorWithItsStateAndTasks() {
        ClusterConfigState snapshot = replay(apacheUpTo(31));

        assertThat(snapshot.offset()).isEqualTo(32);
        assertThat(snapshot.connectors()).containsExactlyInAnyOrder("src-a", "sink-b", "sink-fail", "src-paused", "src-stopped");
        assertThat(snapshot.connectorConfig("src-a")).containsEntry("batch.size", "200");
        assertThat(snapshot.targetState("src-a")).isEqualTo(TargetState.STARTED);
        assertThat(snapshot.tasks("src-a")).containsExactly(new ConnectorTaskId("src-a", 0));
        assertThat(snapshot.taskConfig(new ConnectorTaskId("src-a", 0)))
                .containsEntry("task.class", "org.apache.kafka.connect.file.FileStreamSourceTask")
                .containsEntry("batch.size", "200");
        assertThat(snapshot.targetState("sink-b")).isEqualTo(TargetState.STOPPED);
        assertThat(snapshot.tasks("sink-b")).isEmpty();
        assertThat(snapshot.taskCount("sink-b")).isZero();
        assertThat(snapshot.targetState("src-paused")).isEqualTo(TargetState.PAUSED);
        assertThat(snapshot.targetState("src-stopped")).isEqualTo(TargetState.STOPPED);
        assertThat(snapshot.tasks("sink-fail")).hasSize(1);
        assertThat(snapshot.inconsistentConnectors()).isEmpty();
    }

    @Test
    void twoTaskConnectorGetsBothTasksFromItsCommit() {
        ClusterConfigState snapshot = replay(apacheUpTo(7));

        assertThat(snapshot.tasks("sink-b")).containsExactly(new ConnectorTaskId("sink-b", 0), new ConnectorTaskId("sink-b", 1));
        assertThat(snapshot.taskCount("sink-b")).isEqualTo(2);
    }

    @Test
    void apacheTopicAfterTheDeletesHoldsOnlyTheRemainingConnector() {
        ClusterConfigState snapshot = replay(apacheUpTo(Long.MAX_VALUE));

        assertThat(snapshot.connectors()).containsExactly("src-stopped");
        assertThat(snapshot.taskConfigs()).isEmpty();
        assertThat(snapshot.targetState("src-a")).isNull();
    }

    @Test
    void sessionKeyIsReadWithItsAlgorithmAndCreationTime() {
        SessionKey key = replay(apacheUpTo(0)).sessionKey();

        assertThat(key.key().getAlgorithm()).isEqualTo("HmacSHA256");
        assertThat(key.key().getEncoded()).hasSize(32);
        assertThat(key.creationTimestamp()).isEqualTo(1795240439317L);
    }

    @Test
    void restartRequestsAreAnnouncedNotStored() {
        replay(apacheUpTo(Long.MAX_VALUE));

        assertThat(listener.restarts).containsExactly(new RestartRequest("src-a", false, true),
                new RestartRequest("sink-fail", true, true));
    }

    @Test
    void exactlyOnceTopicRecordsTheFencedTaskCountAndLoggerLevel() {
        ClusterConfigState snapshot = replay(ApacheTopicDump.upTo(ApacheTopicDump.read(ApacheTopicDump.CONFIGS_EXACTLY_ONCE), 10));

        assertThat(snapshot.taskCountRecord("eos-src")).isEqualTo(1);
        assertThat(snapshot.pendingFencing("eos-src")).as("fenced after its last commit, by Apache's leader").isFalse();
        assertThat(listener.events).contains("logger org.apache.kafka.connect.file=DEBUG");
    }

    @Test
    void everyCompleteCommitIsANewGenerationPendingFencingUntilItsTaskCountIsRecorded() {
        state.apply(new ConfigRecord.ConnectorConfig("c", Map.of("name", "c")));
        assertThat(state.snapshot().taskConfigGeneration("c")).isNull();

        commit("c", 2);
        assertThat(state.snapshot().taskConfigGeneration("c")).isZero();
        assertThat(state.snapshot().pendingFencing("c")).isTrue();

        state.apply(new ConfigRecord.TaskCountRecord("c", 2));
        assertThat(state.snapshot().pendingFencing("c")).isFalse();
        assertThat(state.snapshot().taskCountRecord("c")).isEqualTo(2);

        commit("c", 1);
        assertThat(state.snapshot().taskConfigGeneration("c")).isEqualTo(1);
        assertThat(state.snapshot().pendingFencing("c")).isTrue();
    }

    @Test
    void anIncompleteCommitIsPendingFencingButNoNewGeneration() {
        state.apply(new ConfigRecord.ConnectorConfig("c", Map.of("name", "c")));
        commit("c", 1);
        state.apply(new ConfigRecord.TaskCountRecord("c", 1));

        state.apply(new ConfigRecord.TaskCommit("c", 2));

        assertThat(state.snapshot().taskConfigGeneration("c")).isZero();
        assertThat(state.snapshot().pendingFencing("c")).isTrue();
    }

    @Test
    void aDeletedConnectorKeepsItsTaskCountSoThatItsZombiesAreFencedIfItComesBack() {
        state.apply(new ConfigRecord.ConnectorConfig("c", Map.of("name", "c")));
        commit("c", 3);
        state.apply(new ConfigRecord.TaskCountRecord("c", 3));

        state.apply(new ConfigRecord.ConnectorConfig("c", null));
        state.apply(new ConfigRecord.ConnectorConfig("c", Map.of("name", "c")));
        commit("c", 1);

        assertThat(state.snapshot().taskCountRecord("c")).isEqualTo(3);
        assertThat(state.snapshot().pendingFencing("c")).isTrue();
    }

    private void commit(String connector, int tasks) {
        for (int task = 0; task < tasks; task++) {
            state.apply(new ConfigRecord.TaskConfig(new ConnectorTaskId(connector, task), Map.of("t", "" + task)));
        }
        state.apply(new ConfigRecord.TaskCommit(connector, tasks));
    }

    @Test
    void commitMissingATaskConfigLeavesTheConnectorInconsistentWithNoTasks() {
        state.apply(new ConfigRecord.ConnectorConfig("c", Map.of("name", "c")));
        state.apply(new ConfigRecord.TaskConfig(new ConnectorTaskId("c", 1), Map.of("t", "1")));
        state.apply(new ConfigRecord.TaskCommit("c", 2));

        ClusterConfigState snapshot = state.snapshot();
        assertThat(snapshot.inconsistentConnectors()).containsExactly("c");
        assertThat(snapshot.tasks("c")).isEmpty();
    }

    @Test
    void laterCompleteCommitMakesAnInconsistentConnectorConsistent() {
        state.apply(new ConfigRecord.ConnectorConfig("c", Map.of("name", "c")));
        state.apply(new ConfigRecord.TaskCommit("c", 1));
        state.apply(new ConfigRecord.TaskConfig(new ConnectorTaskId("c", 0), Map.of("t", "0")));
        state.apply(new ConfigRecord.TaskCommit("c", 1));

        ClusterConfigState snapshot = state.snapshot();
        assertThat(snapshot.inconsistentConnectors()).isEmpty();
        assertThat(snapshot.tasks("c")).containsExactly(new ConnectorTaskId("c", 0));
    }

    @Test
    void taskConfigsWithoutACommitAreNotYetCurrent() {
        state.apply(new ConfigRecord.ConnectorConfig("c", Map.of("name", "c")));
        state.apply(new ConfigRecord.TaskConfig(new ConnectorTaskId("c", 0), Map.of("t", "0")));

        assertThat(state.snapshot().tasks("c")).isEmpty();
    }

    @Test
    void smallerCommitDropsTheTasksBeyondItsCount() {
        state.apply(new ConfigRecord.ConnectorConfig("c", Map.of("name", "c")));
        state.apply(new ConfigRecord.TaskConfig(new ConnectorTaskId("c", 0), Map.of()));
        state.apply(new ConfigRecord.TaskConfig(new ConnectorTaskId("c", 1), Map.of()));
        state.apply(new ConfigRecord.TaskCommit("c", 2));
        state.apply(new ConfigRecord.TaskConfig(new ConnectorTaskId("c", 0), Map.of("new", "yes")));
        state.apply(new ConfigRecord.TaskCommit("c", 1));

        assertThat(state.snapshot().tasks("c")).containsExactly(new ConnectorTaskId("c", 0));
        assertThat(listener.events).endsWith("tasks [c-0, c-1]");
    }

    @Test
    void eachTaskCommitRemembersTheConnectorConfigItsTasksWereGeneratedFrom() {
        Map<String, String> first = Map.of("connector.class", "X", "tasks.max", "1");
        Map<String, String> second = Map.of("connector.class", "X", "tasks.max", "1", "transforms", "t");
        state.apply(new ConfigRecord.ConnectorConfig("c", first));
        state.apply(new ConfigRecord.TaskConfig(new ConnectorTaskId("c", 0), Map.of("task.class", "XTask")));
        state.apply(new ConfigRecord.TaskCommit("c", 1));
        state.apply(new ConfigRecord.ConnectorConfig("c", second));

        assertThat(state.snapshot().appliedConnectorConfig("c")).isEqualTo(first);

        state.apply(new ConfigRecord.TaskConfig(new ConnectorTaskId("c", 0), Map.of("task.class", "XTask")));
        state.apply(new ConfigRecord.TaskCommit("c", 1));
        assertThat(state.snapshot().appliedConnectorConfig("c")).isEqualTo(second);

        state.apply(new ConfigRecord.ConnectorConfig("c", null));
        assertThat(state.snapshot().appliedConnectorConfig("c")).isNull();
    }
}
