package org.apache.kafka.connect.errors;

/** Signals that a worker was asked to do something its current state forbids. */
public class IllegalWorkerStateException extends ConnectException {

    public IllegalWorkerStateException(String message) {
        super(message);
    }

    public IllegalWorkerStateException(String message, Throwable cause) {
        super(message, cause);
    }

    public IllegalWorkerStateException(Throwable cause) {
        super(cause);
    }
}
