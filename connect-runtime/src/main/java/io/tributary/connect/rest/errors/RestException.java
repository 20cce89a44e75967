package io.tributary.connect.rest.errors;

import org.apache.kafka.connect.errors.ConnectException;

/** A failure the REST layer itself decides the status of (503 while starting, 500 on a timeout, ...). */
public class RestException extends ConnectException {

    private final int status;

    public RestException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static RestException badRequest(String message) {
        return new RestException(400, message);
    }

    public static RestException notFound(String message) {
        return new RestException(404, message);
    }
}
