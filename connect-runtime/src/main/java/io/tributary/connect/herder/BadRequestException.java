package io.tributary.connect.herder;

import org.apache.kafka.connect.errors.ConnectException;

/** A request the user must change before it can succeed; answered with 400. */
public class BadRequestException extends ConnectException {

    public BadRequestException(String message) {
        super(message);
    }

    public BadRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
