package org.apache.kafka.connect.errors;

/** Signals an attempt to create something that already exists. */
public class AlreadyExistsException extends ConnectException {

    public AlreadyExistsException(String message) {
        super(message);
    }

    public AlreadyExistsException(String message, Throwable cause) {
        super(message, cause);
    }

    public AlreadyExistsException(Throwable cause) {
        super(cause);
    }
}
