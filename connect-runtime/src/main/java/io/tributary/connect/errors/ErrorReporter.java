package io.tributary.connect.errors;

import java.util.concurrent.CompletableFuture;

/** Somewhere failed records are reported: the log or a dead letter queue. */
public interface ErrorReporter extends AutoCloseable {

    /** Reports the failure; the future completes once the report is durable (at once for a log). */
    CompletableFuture<Void> report(ProcessingFailure failure);

    @Override
    default void close() {
    }
}
