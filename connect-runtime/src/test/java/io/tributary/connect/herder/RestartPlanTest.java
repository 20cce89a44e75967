package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorStateInfo.ConnectorState;
import io.tributary.connect.model.ConnectorStateInfo.TaskState;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.ConnectorType;
import io.tributary.connect.model.RestartRequest;
import org.junit.jupiter.api.Test;

class RestartPlanTest {

    private static final ConnectorStateInfo CURRENT = new ConnectorStateInfo("c",
            new ConnectorState("RUNNING", null, "w:1", "1.0"),
            List.of(new TaskState(0, "RUNNING", null, "w:1", "1.0"), new TaskState(1, "FAILED", "trace", "w:1", "1.0")),
            ConnectorType.SOURCE);

    @Test
    void includeTasksRestartsConnectorAndEveryTask() {
        RestartPlan plan = RestartPlan.of(new RestartRequest("c", false, true), CURRENT);

        assertThat(plan.restartConnector()).isTrue();
        assertThat(plan.tasks()).containsExactly(new ConnectorTaskId("c", 0), new ConnectorTaskId("c", 1));
        assertThat(plan.answer().connector().state()).isEqualTo("RESTARTING");
        assertThat(plan.answer().tasks()).extracting(TaskState::state).containsExactly("RESTARTING", "RESTARTING");
    }

    @Test
    void onlyFailedSelectsFailedInstancesAndShowsTheOthersAsTheyAre() {
        RestartPlan plan = RestartPlan.of(new RestartRequest("c", true, true), CURRENT);

        assertThat(plan.restartConnector()).isFalse();
        assertThat(plan.tasks()).containsExactly(new ConnectorTaskId("c", 1));
        assertThat(plan.answer().connector().state()).isEqualTo("RUNNING");
        assertThat(plan.answer().tasks()).extracting(TaskState::state).containsExactly("RUNNING", "RESTARTING");
    }

    @Test
    void restartingInstancesShowNoTraceButKeepWorkerAndVersion() {
        RestartPlan plan = RestartPlan.of(new RestartRequest("c", true, true), CURRENT);

        assertThat(plan.answer().tasks().get(1)).isEqualTo(new TaskState(1, "RESTARTING", null, "w:1", "1.0"));
    }

    @Test
    void withoutIncludeTasksNoTaskIsSelected() {
        RestartPlan plan = RestartPlan.of(new RestartRequest("c", false, false), CURRENT);

        assertThat(plan.restartConnector()).isTrue();
        assertThat(plan.tasks()).isEmpty();
    }
}
