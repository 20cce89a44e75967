package io.tributary.connect.errors;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * Thrown when a task is asked to stop while a stage is being retried: the record is neither delivered
 * nor skipped, so its offset is not committed and it is processed again after a restart.
 */
public final class TaskStoppingException extends ConnectException {

    TaskStoppingException(String message, Throwable cause) {
        super(message, cause);
    }
}
