package io.tributary.connect.storage;

import org.apache.kafka.connect.errors.ConnectException;

/** A leader-only config write was refused because a newer leader has claimed the config topic. */
public class FencedLeaderException extends ConnectException {

    public FencedLeaderException(String message, Throwable cause) {
        super(message, cause);
    }
}
