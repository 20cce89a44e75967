package org.apache.kafka.connect.sink;

import java.util.concurrent.Future;

/** Lets a sink task hand a record it cannot process to the connector's error handling (e.g. a DLQ). */
public interface ErrantRecordReporter {

    /**
     * Reports the record asynchronously; the future completes once the report is durable.
     * Tasks that must not commit past a failed record should wait on it before the next commit.
     */
    Future<Void> report(SinkRecord record, Throwable error);
}
