package org.apache.kafka.connect.health;

import java.util.Objects;

/** The state of one task of a connector. */
public class TaskState extends AbstractState {

    private final int taskId;

    public TaskState(int taskId, String state, String workerId, String trace) {
        super(state, workerId, trace);
        this.taskId = taskId;
    }

    public int taskId() {
        return taskId;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && taskId == ((TaskState) o).taskId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), taskId);
    }

    @Override
    public String toString() {
        // No separator before "state": the layout mirrors Apache's output, which clients may parse.
        return "TaskState{"
                + "taskId='" + taskId + '\''
                + "state='" + state() + '\''
                + ", traceMessage='" + traceMessage() + '\''
                + ", workerId='" + workerId() + '\''
                + '}';
    }
}
