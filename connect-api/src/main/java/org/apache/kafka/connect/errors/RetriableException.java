package org.apache.kafka.connect.errors;

/** Signals a transient failure; the runtime may retry the operation that raised it. */
public class RetriableException extends ConnectException {

    public RetriableException(String message) {
        super(message);
    }

    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RetriableException(Throwable cause) {
        super(cause);
    }
}
