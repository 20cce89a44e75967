package org.apache.kafka.connect.errors;

import org.apache.kafka.common.KafkaException;

/** Root of every error raised by the Connect API and runtime. */
public class ConnectException extends KafkaException {

    public ConnectException(String message) {
        super(message);
    }

    public ConnectException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConnectException(Throwable cause) {
        super(cause);
    }
}
