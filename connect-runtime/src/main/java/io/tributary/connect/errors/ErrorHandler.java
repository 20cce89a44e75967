package io.tributary.connect.errors;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.tributary.connect.model.ConnectorTaskId;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stage of one record under the connector's error handling: retriable failures are retried
 * with back-off until {@code errors.retry.timeout}; a failure that remains is reported (log, dead letter
 * queue) and then either tolerated ({@link RecordSkippedException}) or fails the task. Used from the task
 * thread only.
 */
public final class ErrorHandler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);
    private static final long STOP_CHECK_INTERVAL_MS = 100;

    private final ConnectorTaskId taskId;
    private final ErrorHandlingSettings settings;
    private final List<ErrorReporter> reporters;
    private final RetryBackoff backoff;
    private final Time time;
    private final ErrorMetrics metrics;
    private volatile boolean stopping;

    public ErrorHandler(ConnectorTaskId taskId, ErrorHandlingSettings settings, List<ErrorReporter> reporters,
                        Time time) {
        this(taskId, settings, reporters, time, ErrorMetrics.NONE);
    }

    public ErrorHandler(ConnectorTaskId taskId, ErrorHandlingSettings settings, List<ErrorReporter> reporters,
                        Time time, ErrorMetrics metrics) {
        this.metrics = metrics;
        this.taskId = taskId;
        this.settings = settings;
        this.reporters = List.copyOf(reporters);
        this.backoff = new RetryBackoff(settings.retryTimeoutMs(), settings.maxRetryDelayMs());
        this.time = time;
    }

    /**
     * The stage's result.
     *
     * @throws RecordSkippedException when the stage failed and the failure is tolerated
     * @throws ConnectException       when the stage failed and the failure is not tolerated
     * @throws TaskStoppingException  when the task stopped while the stage was being retried
     */
    public <V> V execute(ProcessingContext context, Stage stage, Class<?> executingClass, Supplier<V> operation) {
        int retries = 0;
        long deadline = 0;
        while (true) {
            try {
                return operation.get();
            } catch (RetriableException e) {
                metrics.recordFailure();
                long now = time.milliseconds();
                if (retries == 0) {
                    deadline = backoff.deadline(now);
                }
                if (!backoff.mayRetry(now, deadline)) {
                    throw failed(new ProcessingFailure(taskId, context, stage, executingClass, e));
                }
                retries++;
                metrics.recordRetry();
                log.debug("{}: stage {} failed with a retriable error; retry {} follows", taskId, stage, retries, e);
                pause(backoff.delay(retries, now, deadline), e);
            } catch (RecordSkippedException | TaskStoppingException e) {
                throw e;
            } catch (RuntimeException e) {
                metrics.recordFailure();
                throw failed(new ProcessingFailure(taskId, context, stage, executingClass, e));
            }
        }
    }

    /**
     * Reports a record the task itself found faulty (the errant record reporter).
     *
     * @return completes when every reporter has it (for a dead letter queue: when the broker acknowledged it)
     * @throws ConnectException when failures are not tolerated, after reporting
     */
    public CompletableFuture<Void> reportFailed(ProcessingContext context, Stage stage, Class<?> executingClass,
                                                Throwable error) {
        ProcessingFailure failure = new ProcessingFailure(taskId, context, stage, executingClass, error);
        metrics.recordFailure();
        metrics.recordError();
        CompletableFuture<Void> reported = report(failure);
        if (!settings.tolerateAll()) {
            throw toleranceExceeded(failure);
        }
        metrics.recordSkipped();
        return reported;
    }

    /** Makes retries that are under way give up soon, so that the task can stop. */
    public void stop() {
        stopping = true;
    }

    public ErrorHandlingSettings settings() {
        return settings;
    }

    private RuntimeException failed(ProcessingFailure failure) {
        metrics.recordError();
        report(failure);
        if (!settings.tolerateAll()) {
            return toleranceExceeded(failure);
        }
        metrics.recordSkipped();
        if (reporters.isEmpty()) {
            // errors.tolerance=all without a log or a dead letter queue must still leave a trace.
            log.warn("{}: skipping a record because {}: {} (set errors.log.enable=true for details)", taskId,
                    failure.describe(), failure.error().toString());
        }
        return RecordSkippedException.INSTANCE;
    }

    private static ConnectException toleranceExceeded(ProcessingFailure failure) {
        return new ConnectException("Tolerance exceeded in error handler: " + failure.describe(), failure.error());
    }

    private CompletableFuture<Void> report(ProcessingFailure failure) {
        if (reporters.size() == 1) {
            return reporters.get(0).report(failure);
        }
        CompletableFuture<?>[] reports = new CompletableFuture<?>[reporters.size()];
        for (int i = 0; i < reports.length; i++) {
            reports[i] = reporters.get(i).report(failure);
        }
        return CompletableFuture.allOf(reports);
    }

    /** Sleeps in short slices so that a stop request ends a long (or endless) retry promptly. */
    private void pause(long delayMs, RetriableException cause) {
        long until = time.milliseconds() + delayMs;
        long now;
        while ((now = time.milliseconds()) < until) {
            if (stopping) {
                throw new TaskStoppingException("Task " + taskId + " stopped while retrying a failed operation",
                        cause);
            }
            time.sleep(Math.min(STOP_CHECK_INTERVAL_MS, until - now));
        }
        if (stopping) {
            throw new TaskStoppingException("Task " + taskId + " stopped while retrying a failed operation", cause);
        }
    }

    @Override
    public void close() {
        reporters.forEach(reporter -> Utils.closeQuietly(reporter, "error reporter of " + taskId));
    }
}
