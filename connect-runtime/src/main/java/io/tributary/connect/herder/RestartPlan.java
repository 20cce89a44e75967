package io.tributary.connect.herder;

import java.util.ArrayList;
import java.util.List;

import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorStateInfo.ConnectorState;
import io.tributary.connect.model.ConnectorStateInfo.TaskState;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.State;

/**
 * Which instances a restart request selects given their current states, and the answer to give:
 * the current statuses with each selected instance shown as RESTARTING.
 */
public record RestartPlan(boolean restartConnector, List<ConnectorTaskId> tasks, ConnectorStateInfo answer) {

    public RestartPlan {
        tasks = List.copyOf(tasks);
    }

    public static RestartPlan of(RestartRequest request, ConnectorStateInfo current) {
        ConnectorState connector = current.connector();
        boolean restartConnector = request.shouldRestartConnector(State.valueOf(connector.state()));
        ConnectorState connectorAnswer = restartConnector
                ? new ConnectorState(State.RESTARTING.name(), null, connector.workerId(), connector.version())
                : connector;
        List<ConnectorTaskId> tasks = new ArrayList<>();
        List<TaskState> taskAnswers = new ArrayList<>();
        for (TaskState task : current.tasks()) {
            if (request.shouldRestartTask(State.valueOf(task.state()))) {
                tasks.add(new ConnectorTaskId(current.name(), task.id()));
                taskAnswers.add(new TaskState(task.id(), State.RESTARTING.name(), null, task.workerId(),
                        task.version()));
            } else {
                taskAnswers.add(task);
            }
        }
        return new RestartPlan(restartConnector, tasks,
                new ConnectorStateInfo(current.name(), connectorAnswer, taskAnswers, current.type()));
    }
}
