package io.tributary.connect.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.tributary.connect.model.ConnectorTaskId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class ErrorHandlerTest {

    private static final ConnectorTaskId TASK = new ConnectorTaskId("orders-sink", 2);
    private static final ProcessingContext RECORD =
            ProcessingContext.consumed(new ConsumerRecord<>("orders", 1, 42L, new byte[0], new byte[0]));

    private final FakeTime time = new FakeTime();
    private final RecordingReporter reporter = new RecordingReporter();

    @Test
    void retriableFailuresAreRetriedWithDoublingDelaysCappedByTheMaximumDelay() {
        ErrorHandler handler = handler(10_000, 1_000, true);
        FailingOperation operation = new FailingOperation(4, () -> new RetriableException("not yet"));

        assertThat(handler.execute(RECORD, Stage.VALUE_CONVERTER, JsonConverter.class, operation)).isEqualTo("done");

        assertThat(operation.attemptTimes).containsExactly(0L, 300L, 900L, 1_900L, 2_900L);
        assertThat(reporter.failures).isEmpty();
    }

    @Test
    void retriesEndAtTheRetryTimeoutAndTheLastDelayIsShortenedToMeetIt() {
        ErrorHandler handler = handler(1_000, 60_000, true);
        FailingOperation operation = new FailingOperation(100, () -> new RetriableException("still down"));

        assertThatThrownBy(() -> handler.execute(RECORD, Stage.TRANSFORMATION, String.class, operation))
                .isInstanceOf(RecordSkippedException.class);

        assertThat(operation.attemptTimes).containsExactly(0L, 300L, 900L, 1_000L);
        assertThat(reporter.failures).singleElement().satisfies(failure -> {
            assertThat(failure.stage()).isEqualTo(Stage.TRANSFORMATION);
            assertThat(failure.error()).hasMessage("still down");
        });
    }

    @Test
    void aZeroRetryTimeoutNeverRetries() {
        ErrorHandler handler = handler(0, 60_000, true);
        FailingOperation operation = new FailingOperation(1, () -> new RetriableException("busy"));

        assertThatThrownBy(() -> handler.execute(RECORD, Stage.KEY_CONVERTER, String.class, operation))
                .isInstanceOf(RecordSkippedException.class);
        assertThat(operation.attemptTimes).containsExactly(0L);
    }

    @Test
    void anInfiniteRetryTimeoutRetriesUntilTheOperationSucceeds() {
        ErrorHandler handler = handler(-1, 60_000, false);
        FailingOperation operation = new FailingOperation(30, () -> new RetriableException("down for a while"));

        assertThat(handler.execute(RECORD, Stage.VALUE_CONVERTER, String.class, operation)).isEqualTo("done");
        assertThat(operation.attemptTimes).hasSize(31);
        assertThat(operation.attemptTimes.get(30) - operation.attemptTimes.get(29)).isEqualTo(60_000L);
    }

    @Test
    void nonRetriableFailuresAreNotRetried() {
        ErrorHandler handler = handler(60_000, 60_000, true);
        FailingOperation operation = new FailingOperation(1, () -> new DataException("not JSON"));

        assertThatThrownBy(() -> handler.execute(RECORD, Stage.VALUE_CONVERTER, String.class, operation))
                .isInstanceOf(RecordSkippedException.class);
        assertThat(operation.attemptTimes).containsExactly(0L);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void withoutToleranceTheFailureIsReportedAndThenFailsTheTaskNamingStageTaskAndRecord() {
        ErrorHandler handler = handler(0, 60_000, false);

        assertThatThrownBy(() -> handler.execute(RECORD, Stage.VALUE_CONVERTER, JsonConverter.class,
                () -> {
                    throw new DataException("Converting byte[] to Kafka Connect data failed");
                }))
                .isInstanceOf(ConnectException.class)
                .hasMessage("Tolerance exceeded in error handler: stage VALUE_CONVERTER "
                        + "(org.apache.kafka.connect.json.JsonConverter) of task orders-sink-2 failed on the record at "
                        + "topic 'orders', partition 1, offset 42")
                .hasCauseInstanceOf(DataException.class);
        assertThat(reporter.failures).hasSize(1);
    }

    @Test
    void withToleranceTheRecordIsSkippedAfterEveryReporterHasIt() {
        RecordingReporter second = new RecordingReporter();
        ErrorHandler handler = new ErrorHandler(TASK, settings(0, 60_000, true), List.of(reporter, second), time);

        assertThatThrownBy(() -> handler.execute(RECORD, Stage.HEADER_CONVERTER, String.class, () -> {
            throw new IllegalStateException("bad header");
        })).isInstanceOf(RecordSkippedException.class);

        assertThat(reporter.failures).hasSize(1);
        assertThat(second.failures).hasSize(1);
        assertThat(second.failures.get(0).taskId()).isEqualTo(TASK);
        assertThat(second.failures.get(0).context()).isSameAs(RECORD);
    }

    @Test
    void aStopRequestEndsAnEndlessRetryWithoutSkippingTheRecord() {
        ErrorHandler handler = handler(-1, 60_000, true);
        time.onSleep = handler::stop;

        assertThatThrownBy(() -> handler.execute(RECORD, Stage.VALUE_CONVERTER, String.class,
                new FailingOperation(1_000, () -> new RetriableException("down"))))
                .isInstanceOf(TaskStoppingException.class);
        assertThat(reporter.failures).isEmpty();
    }

    @Test
    void reportingAnErrantRecordWithoutToleranceReportsItThenFails() {
        ErrorHandler handler = handler(0, 60_000, false);

        assertThatThrownBy(() -> handler.reportFailed(RECORD, Stage.TASK_PUT, Object.class,
                new IllegalArgumentException("bad record")))
                .isInstanceOf(ConnectException.class)
                .hasMessageStartingWith("Tolerance exceeded in error handler");
        assertThat(reporter.failures).singleElement()
                .satisfies(failure -> assertThat(failure.stage()).isEqualTo(Stage.TASK_PUT));
    }

    @Test
    void reportingAnErrantRecordWithToleranceCompletesWhenTheReportersHaveIt() {
        ErrorHandler handler = handler(0, 60_000, true);

        assertThat(handler.reportFailed(RECORD, Stage.TASK_PUT, Object.class, new IllegalArgumentException("bad")))
                .isCompleted();
        assertThat(reporter.failures).hasSize(1);
    }

    private ErrorHandler handler(long retryTimeoutMs, long maxDelayMs, boolean tolerateAll) {
        return new ErrorHandler(TASK, settings(retryTimeoutMs, maxDelayMs, tolerateAll), List.of(reporter), time);
    }

    private static ErrorHandlingSettings settings(long retryTimeoutMs, long maxDelayMs, boolean tolerateAll) {
        return new ErrorHandlingSettings(retryTimeoutMs, maxDelayMs, tolerateAll, false, false);
    }

    /** Fails a number of times, then answers "done"; records when (relative to the first) it was called. */
    private final class FailingOperation implements Supplier<String> {
        final List<Long> attemptTimes = new ArrayList<>();
        private final long start = time.milliseconds();
        private final Supplier<RuntimeException> failure;
        private int failuresLeft;

        FailingOperation(int failures, Supplier<RuntimeException> failure) {
            this.failuresLeft = failures;
            this.failure = failure;
        }

        @Override
        public String get() {
            attemptTimes.add(time.milliseconds() - start);
            if (failuresLeft-- > 0) {
                throw failure.get();
            }
            return "done";
        }
    }
}
