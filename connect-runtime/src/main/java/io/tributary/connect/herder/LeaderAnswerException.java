package io.tributary.connect.herder;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * The leader refused a request this worker forwarded to it. The client gets the leader's status and message,
 * as if it had asked the leader itself.
 */
public class LeaderAnswerException extends ConnectException {

    private final int status;

    public LeaderAnswerException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the leader answered with. */
    public int status() {
        return status;
    }
}
