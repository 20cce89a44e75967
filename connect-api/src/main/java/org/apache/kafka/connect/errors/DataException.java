package org.apache.kafka.connect.errors;

/** Signals data that does not fit its schema or cannot be converted. */
public class DataException extends ConnectException {

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    public DataException(Throwable cause) {
        super(cause);
    }
}
