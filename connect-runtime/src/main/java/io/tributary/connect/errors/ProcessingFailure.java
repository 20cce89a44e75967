package io.tributary.connect.errors;

import io.tributary.connect.model.ConnectorTaskId;

/** One failed stage of one record, as handed to the error reporters. */
public record ProcessingFailure(ConnectorTaskId taskId, ProcessingContext context, Stage stage,
                                Class<?> executingClass, Throwable error) {

    /** Names the stage, the class, the task and the record's position: enough to find the record. */
    public String describe() {
        return "stage " + stage + " (" + executingClass.getName() + ") of task " + taskId + " failed on the record at "
                + context.position();
    }
}
