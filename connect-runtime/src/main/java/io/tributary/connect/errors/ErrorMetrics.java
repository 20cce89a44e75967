package io.tributary.connect.errors;

import io.tributary.connect.metrics.MetricGroup;
import io.tributary.connect.model.ConnectorTaskId;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.utils.Time;

/**
 * A task's {@code task-error-metrics}: failed attempts, records in error, records skipped under
 * {@code errors.tolerance=all}, retries, errors logged, dead letter queue sends and the time of the last error.
 * Errors are rare, so each is recorded as it happens. {@link #NONE} records nothing.
 */
public final class ErrorMetrics implements AutoCloseable {

    public static final String GROUP = "task-error-metrics";
    public static final ErrorMetrics NONE = new ErrorMetrics();

    private final MetricGroup group;
    private final Time time;
    private final Sensor failures;
    private final Sensor errors;
    private final Sensor skipped;
    private final Sensor retries;
    private final Sensor logged;
    private final Sensor dlqRequests;
    private final Sensor dlqFailures;
    private volatile long lastErrorMs;

    public ErrorMetrics(Metrics registry, ConnectorTaskId id, Time time) {
        this.group = MetricGroup.of(registry, GROUP, "connector", id.connector(), "task",
                String.valueOf(id.task()));
        this.time = time;
        failures = total("total-record-failures", "Failed attempts to process a record, retries included.");
        errors = total("total-record-errors", "Records that failed for good, after any retries.");
        skipped = total("total-records-skipped", "Records skipped because their failure was tolerated.");
        retries = total("total-retries", "Retries of an operation that failed with a retriable error.");
        logged = total("total-errors-logged", "Failures written to the log.");
        dlqRequests = total("deadletterqueue-produce-requests", "Records sent to the dead letter queue.");
        dlqFailures = total("deadletterqueue-produce-failures", "Dead letter queue sends that failed.");
        // A long, 0 before any failure: what JMX clients of Kafka Connect read.
        group.gauge("last-error-timestamp", "When the last failure happened, in epoch milliseconds.",
                now -> lastErrorMs);
    }

    private ErrorMetrics() {
        group = null;
        time = null;
        failures = errors = skipped = retries = logged = dlqRequests = dlqFailures = null;
    }

    private Sensor total(String name, String description) {
        Sensor sensor = group.sensor(name);
        sensor.add(group.metricName(name, description), new CumulativeSum());
        return sensor;
    }

    /** One attempt failed (it may still be retried). */
    public void recordFailure() {
        if (group != null) {
            failures.record();
            lastErrorMs = time.milliseconds();
        }
    }

    /** A record failed for good. */
    public void recordError() {
        record(errors);
    }

    public void recordSkipped() {
        record(skipped);
    }

    public void recordRetry() {
        record(retries);
    }

    public void recordLogged() {
        record(logged);
    }

    public void recordDeadLetterQueueRequest() {
        record(dlqRequests);
    }

    public void recordDeadLetterQueueFailure() {
        record(dlqFailures);
    }

    private void record(Sensor sensor) {
        if (sensor != null) {
            sensor.record();
        }
    }

    @Override
    public void close() {
        if (group != null) {
            group.close();
        }
    }
}
