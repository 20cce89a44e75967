package io.tributary.connect.errors;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * The context headers a dead letter queue record carries when
 * {@code errors.deadletterqueue.context.headers.enable} is set. Names and encodings are Kafka Connect's:
 * every value is UTF-8 text, numbers in decimal, the stack trace as printed by the JVM.
 */
public final class DeadLetterQueueHeaders {

    public static final String PREFIX = "__connect.errors.";
    public static final String TOPIC = PREFIX + "topic";
    public static final String PARTITION = PREFIX + "partition";
    public static final String OFFSET = PREFIX + "offset";
    public static final String CONNECTOR_NAME = PREFIX + "connector.name";
    public static final String TASK_ID = PREFIX + "task.id";
    public static final String STAGE = PREFIX + "stage";
    public static final String EXECUTING_CLASS = PREFIX + "class.name";
    public static final String EXCEPTION_CLASS = PREFIX + "exception.class.name";
    public static final String EXCEPTION_MESSAGE = PREFIX + "exception.message";
    public static final String EXCEPTION_STACKTRACE = PREFIX + "exception.stacktrace";

    private DeadLetterQueueHeaders() {
    }

    /** Appends the context of {@code failure} after the record's own headers. */
    public static void append(Headers headers, ProcessingFailure failure) {
        ConsumerRecord<byte[], byte[]> consumed = failure.context().consumedRecord();
        if (consumed != null) {
            headers.add(TOPIC, utf8(consumed.topic()));
            headers.add(PARTITION, utf8(Integer.toString(consumed.partition())));
            headers.add(OFFSET, utf8(Long.toString(consumed.offset())));
        }
        headers.add(CONNECTOR_NAME, utf8(failure.taskId().connector()));
        headers.add(TASK_ID, utf8(Integer.toString(failure.taskId().task())));
        headers.add(STAGE, utf8(failure.stage().name()));
        headers.add(EXECUTING_CLASS, utf8(failure.executingClass().getName()));
        Throwable error = failure.error();
        if (error != null) {
            headers.add(EXCEPTION_CLASS, utf8(error.getClass().getName()));
            headers.add(EXCEPTION_MESSAGE, utf8(error.getMessage()));
            headers.add(EXCEPTION_STACKTRACE, utf8(stackTrace(error)));
        }
    }

    static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        try (PrintWriter writer = new PrintWriter(text)) {
            error.printStackTrace(writer);
        }
        return text.toString();
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}
