package io.tributary.connect.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Snapshots are handed out again while nothing changed (reads at scale ask for one per connector and task), and
 * never outlive a change: not even one a listener took while a record was being applied.
 */
class ConfigTopicStateSnapshotTest {

    /** Takes a snapshot in every callback, as herder code reacting to a change does. */
    private final List<ClusterConfigState> seenByListener = new ArrayList<>();
    private final ConfigTopicState state = new ConfigTopicState(new SnapshottingListener());

    private final class SnapshottingListener implements ConfigUpdateListener {
        private void look() {
            seenByListener.add(state.snapshot());
        }

        @Override
        public void onConnectorConfigUpdate(String connector) {
            look();
        }

        @Override
        public void onConnectorConfigRemove(String connector) {
            look();
        }

        @Override
        public void onTaskConfigUpdate(Collection<ConnectorTaskId> tasks) {
            look();
        }

        @Override
        public void onConnectorTargetStateChange(String connector) {
            look();
        }

        @Override
        public void onSessionKeyUpdate(SessionKey key) {
            look();
        }

        @Override
        public void onRestartRequest(RestartRequest request) {
            look();
        }

        @Override
        public void onLoggingLevelUpdate(String namespace, String level) {
            look();
        }
    }

    @Test
    void theSameSnapshotIsHandedOutUntilSomethingChanges() {
        state.apply(new ConfigRecord.ConnectorConfig("a", Map.of("connector.class", "X")));
        state.advanceTo(0);

        ClusterConfigState first = state.snapshot();
        assertThat(state.snapshot()).isSameAs(first);

        state.advanceTo(1);
        ClusterConfigState afterOffset = state.snapshot();
        assertThat(afterOffset).isNotSameAs(first);
        assertThat(afterOffset.offset()).isEqualTo(2);
        assertThat(first.offset()).isEqualTo(1);

        state.apply(new ConfigRecord.TargetStateChange("a", TargetState.PAUSED));
        assertThat(state.snapshot().targetState("a")).isEqualTo(TargetState.PAUSED);
        assertThat(afterOffset.targetState("a")).isEqualTo(TargetState.STARTED);
    }

    @Test
    void aSnapshotTakenByAListenerDuringAChangeIsNotHandedOutAfterIt() {
        state.apply(new ConfigRecord.ConnectorConfig("a", Map.of("connector.class", "X")));
        state.apply(new ConfigRecord.TaskConfig(new ConnectorTaskId("a", 0), Map.of("task", "0")));
        state.apply(new ConfigRecord.TaskConfig(new ConnectorTaskId("a", 1), Map.of("task", "1")));
        state.apply(new ConfigRecord.TaskCommit("a", 2));

        ClusterConfigState after = state.snapshot();
        assertThat(after.tasks("a")).containsExactly(new ConnectorTaskId("a", 0), new ConnectorTaskId("a", 1));
        assertThat(after.taskCount("a")).isEqualTo(2);
        assertThat(after.pendingFencing("a")).isTrue();
        assertThat(seenByListener).isNotEmpty();

        state.apply(new ConfigRecord.TaskCountRecord("a", 2));
        assertThat(state.snapshot().pendingFencing("a")).isFalse();

        state.apply(new ConfigRecord.ConnectorConfig("a", null));
        assertThat(state.snapshot().connectors()).isEmpty();
        assertThat(state.snapshot().tasks("a")).isEmpty();
    }
}
