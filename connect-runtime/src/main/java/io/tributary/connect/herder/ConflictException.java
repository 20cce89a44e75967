package io.tributary.connect.herder;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * A request that conflicts with what the cluster is doing right now (a rebalance, a newer leader, a config
 * change in flight); retrying it later may succeed. Answered with 409.
 */
public class ConflictException extends ConnectException {

    public ConflictException(String message) {
        super(message);
    }
}
