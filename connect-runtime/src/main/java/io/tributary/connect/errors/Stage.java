package io.tributary.connect.errors;

/**
 * The step of a record's journey through a task where a failure happened. The names are written
 * verbatim into error logs and dead letter queue headers, so they are Kafka Connect's.
 */
public enum Stage {
    KEY_CONVERTER,
    VALUE_CONVERTER,
    HEADER_CONVERTER,
    TRANSFORMATION,
    TASK_PUT,
    TASK_POLL,
    KAFKA_PRODUCE,
    KAFKA_CONSUME
}
