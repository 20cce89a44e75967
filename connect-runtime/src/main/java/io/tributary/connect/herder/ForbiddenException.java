package io.tributary.connect.herder;

import org.apache.kafka.connect.errors.ConnectException;

/** A request the worker's configuration does not allow (e.g. topic tracking is disabled); answered with 403. */
public class ForbiddenException extends ConnectException {

    public ForbiddenException(String message) {
        super(message);
    }
}
