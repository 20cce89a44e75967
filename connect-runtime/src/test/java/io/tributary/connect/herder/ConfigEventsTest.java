package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.RestartRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConfigEventsTest {

    private final AtomicInteger wakeups = new AtomicInteger();
    private final ConfigEvents events = new ConfigEvents(wakeups::incrementAndGet);

    @Test
    void everyEventWakesTheHerder() {
        events.onConnectorConfigUpdate("a");
        events.onConnectorTargetStateChange("a");
        assertThat(wakeups).hasValue(2);
    }

    @Test
    void aCommitOfNoTasksWakesTheHerderWithoutAChangeToApply() {
        events.onTaskConfigUpdate(List.of());

        assertThat(wakeups).hasValue(1);
        assertThat(events.drain().isEmpty()).isTrue();
    }

    @Test
    void drainGroupsChangesByKindAndEmptiesTheQueue() {
        events.onConnectorConfigUpdate("a");
        events.onTaskConfigUpdate(List.of(new ConnectorTaskId("a", 0), new ConnectorTaskId("a", 1)));
        events.onConnectorTargetStateChange("b");
        events.onRestartRequest(new RestartRequest("b", true, true));

        ConfigEvents.Changes changes = events.drain();

        assertThat(changes.connectorConfigs()).containsExactly("a");
        assertThat(changes.taskConfigs()).containsExactly("a");
        assertThat(changes.targetStates()).containsExactly("b");
        assertThat(changes.restarts()).containsExactly(new RestartRequest("b", true, true));
        assertThat(events.drain().isEmpty()).isTrue();
    }

    @Test
    void theLatestOfAnUpdateAndARemovalOfOneConnectorWins() {
        events.onConnectorConfigUpdate("a");
        events.onConnectorConfigRemove("a");
        events.onConnectorConfigRemove("b");
        events.onConnectorConfigUpdate("b");

        ConfigEvents.Changes changes = events.drain();

        assertThat(changes.removedConnectors()).containsExactly("a");
        assertThat(changes.connectorConfigs()).containsExactly("b");
    }
}
