package io.tributary.connect.herder;

import org.apache.kafka.connect.errors.ConnectException;

/** The worker cannot serve the request yet but will soon (e.g. it has not read a session key); answered with 503. */
public class ServiceUnavailableException extends ConnectException {

    public ServiceUnavailableException(String message) {
        super(message);
    }
}
