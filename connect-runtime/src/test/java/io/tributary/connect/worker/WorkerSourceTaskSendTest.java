package io.tributary.connect.worker;

import static io.tributary.connect.worker.ScriptedSourceTask.line;
import static io.tributary.connect.worker.ScriptedSourceTask.offset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tributary.connect.errors.ProcessingFailure;
import io.tributary.connect.errors.Stage;
import io.tributary.connect.model.State;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

/** What a source task does when the producer refuses a record, fails it later, or is closed under it. */
class WorkerSourceTaskSendTest {

    private static final String METADATA_TIMEOUT = "Topic lines not present in metadata after 60000 ms.";

    // A send that fails once the task was asked to stop

    @Test
    void sendFailingAfterTheStopRequestDoesNotFailTheTask() {
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            secondSendFailsOnceStopped(run);

            run.start().awaitFinished();

            assertThat(run.statuses.taskStates()).doesNotContain(State.FAILED).endsWith(State.UNASSIGNED);
        }
    }

    @Test
    void sendFailingAfterTheStopRequestLeavesItsOffsetUncommitted() {
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            secondSendFailsOnceStopped(run);

            run.start().awaitFinished();

            assertThat(run.committedOffset()).isEqualTo(offset(1));
            assertThat(run.task.committedRecords()).containsExactly(line(1));
        }
    }

    // A record the producer refuses at once with a retriable error

    @Test
    void retriablyRefusedRecordIsSentAgainWithTheRestOfItsBatchInOrder() {
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            run.producer.refuse("line-2", () -> new TimeoutException(METADATA_TIMEOUT));
            run.task.returns(line(1), line(2), line(3));

            run.start().awaitSent(3);
            acknowledgeAll(run);
            run.stopAndAwait();

            assertThat(run.producer.sentValues()).containsExactly("line-1", "line-2", "line-3");
            assertThat(run.statuses.taskStates()).doesNotContain(State.FAILED);
        }
    }

    @Test
    void retriedBatchCommitsEveryRecordInOrder() {
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            run.producer.refuse("line-2", () -> new TimeoutException(METADATA_TIMEOUT));
            run.task.returns(line(1), line(2), line(3));

            run.start().awaitSent(3);
            acknowledgeAll(run);
            run.stopAndAwait();

            assertThat(run.task.committedRecords()).containsExactly(line(1), line(2), line(3));
            assertThat(run.task.committed).allSatisfy(committed -> assertThat(committed.metadata()).isNotNull());
            assertThat(run.committedOffset()).isEqualTo(offset(3));
        }
    }

    @Test
    void refusedRecordIsOfferedAgainOnlyAfterTheBackoff() {
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            run.producer.refuse("line-2", () -> new TimeoutException(METADATA_TIMEOUT));
            run.task.returns(line(1), line(2));

            run.start().awaitSent(2);

            List<Long> attempts = run.producer.attemptsOf("line-2");
            assertThat(attempts).hasSize(2);
            assertThat(Duration.ofNanos(attempts.get(1) - attempts.get(0)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(WorkerSourceTask.SEND_RETRY_BACKOFF_MS));
        }
    }

    @Test
    void taskIsNotPolledWhileRefusedRecordsWaitToBeSent() {
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            run.producer.refuse("line-2", () -> new TimeoutException(METADATA_TIMEOUT));
            run.task.returns(line(1), line(2), line(3));

            run.start().awaitSent(3);

            List<String> events = List.copyOf(run.events);
            int refused = events.indexOf("refused line-2");
            int lastSent = events.indexOf("sent line-3");
            assertThat(refused).isNotNegative();
            assertThat(events.subList(refused, lastSent + 1))
                    .containsExactly("refused line-2", "sent line-2", "sent line-3");
        }
    }

    @Test
    void connectRetriableExceptionFromTheProducerIsRetriedToo() {
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            run.producer.refuse("line-1", () -> new RetriableException("producer not ready"));
            run.task.returns(line(1), line(2));

            run.start().awaitSent(2);
            run.stopAndAwait();

            assertThat(run.producer.sentValues()).containsExactly("line-1", "line-2");
            assertThat(run.statuses.taskStates()).doesNotContain(State.FAILED);
        }
    }

    @Test
    void recordRefusedRepeatedlyIsOfferedUntilTheProducerTakesIt() {
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            for (int i = 0; i < 3; i++) {
                run.producer.refuse("line-1", () -> new TimeoutException(METADATA_TIMEOUT));
            }
            run.task.returns(line(1), line(2));

            run.start().awaitSent(2);
            acknowledgeAll(run);
            run.stopAndAwait();

            assertThat(run.producer.attemptsOf("line-1")).hasSize(4);
            assertThat(run.producer.sentValues()).containsExactly("line-1", "line-2");
            assertThat(run.committedOffset()).isEqualTo(offset(2));
        }
    }

    @Test
    void stoppingWhileARefusedRecordWaitsCommitsOnlyWhatWasSentBeforeIt() {
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            run.producer.refuse("line-2", () -> {
                run.producer.completeNext();
                run.stop();
                return new TimeoutException(METADATA_TIMEOUT);
            });
            run.task.returns(line(1), line(2), line(3));

            run.start().awaitFinished();

            assertThat(run.producer.sentValues()).containsExactly("line-1");
            assertThat(run.committedOffset()).isEqualTo(offset(1));
            assertThat(run.statuses.taskStates()).doesNotContain(State.FAILED).endsWith(State.UNASSIGNED);
        }
    }

    // A record the producer refuses at once for good

    @Test
    void recordRefusedForGoodFailsTheTaskNamingTheTopic() {
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            run.producer.refuse("line-1", () -> new KafkaException("record cannot be sent"));
            run.task.returns(line(1));

            run.start().awaitFinished();

            assertThat(run.statuses.taskStates()).endsWith(State.FAILED);
            assertThat(run.statuses.lastWith(State.FAILED).trace())
                    .contains("Unrecoverable exception trying to send a record to topic lines")
                    .contains("record cannot be sent");
        }
    }

    @Test
    void recordRefusedWhileTheTaskStopsDoesNotFailIt() {
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            run.producer.refuse("line-2", () -> {
                run.producer.completeNext();
                run.stop();
                return new KafkaException("Producer closed while send in progress");
            });
            run.task.returns(line(1), line(2), line(3));

            run.start().awaitFinished();

            assertThat(run.statuses.taskStates()).doesNotContain(State.FAILED).endsWith(State.UNASSIGNED);
            assertThat(run.producer.sentValues()).containsExactly("line-1");
            assertThat(run.committedOffset()).isEqualTo(offset(1));
        }
    }

    // A send the producer fails later, while the task runs

    @Test
    void toleratedSendFailureIsReportedAtTheProduceStage() {
        try (SourceTaskRun run = SourceTaskRun.toleratingErrors()) {
            RecordTooLargeException error = new RecordTooLargeException("record too large for the broker");
            run.task.returns(line(1));
            run.start().awaitSent(1);

            run.producer.errorNext(error);

            assertThat(run.reported).hasSize(1);
            ProcessingFailure failure = run.reported.get(0);
            assertThat(failure.stage()).isEqualTo(Stage.KAFKA_PRODUCE);
            assertThat(failure.context().sourceRecord()).isEqualTo(line(1));
            assertThat(failure.error()).isSameAs(error);
        }
    }

    @Test
    void toleratedSendFailureDoesNotFailTheTask() {
        try (SourceTaskRun run = SourceTaskRun.toleratingErrors()) {
            run.task.returns(line(1));
            run.task.then(() -> {
                run.producer.errorNext(new RecordTooLargeException("record too large for the broker"));
                return List.of(line(2));
            });

            run.start().awaitSent(2);
            acknowledgeAll(run);
            run.stopAndAwait();

            assertThat(run.statuses.taskStates()).doesNotContain(State.FAILED).endsWith(State.UNASSIGNED);
        }
    }

    @Test
    void toleratedSendFailureCommitsTheSkippedRecordWithoutMetadata() {
        try (SourceTaskRun run = SourceTaskRun.toleratingErrors()) {
            run.task.returns(line(1), line(2));
            run.start().awaitSent(2);

            run.producer.errorNext(new RecordTooLargeException("record too large for the broker"));
            run.producer.completeNext();
            run.stopAndAwait();

            assertThat(run.task.committed).hasSize(2);
            assertThat(run.task.committed.get(0)).isEqualTo(new ScriptedSourceTask.Committed(line(1), null));
            assertThat(run.task.committed.get(1).metadata()).isNotNull();
            assertThat(run.committedOffset()).isEqualTo(offset(2));
        }
    }

    @Test
    void sendFailureWithoutToleranceFailsTheTask() {
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            run.task.returns(line(1));
            run.start().awaitSent(1);

            run.producer.errorNext(new RecordTooLargeException("record too large for the broker"));
            run.awaitFinished();

            assertThat(run.statuses.taskStates()).endsWith(State.FAILED);
            assertThat(run.statuses.lastWith(State.FAILED).trace())
                    .contains("Unrecoverable exception from producer send callback")
                    .contains("record too large for the broker");
        }
    }

    @Test
    void sendFailureWithoutToleranceLeavesTheOffsetUncommitted() {
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            run.task.returns(line(1));
            run.start().awaitSent(1);

            run.producer.errorNext(new RecordTooLargeException("record too large for the broker"));
            run.awaitFinished();

            assertThat(run.committedOffset()).isNull();
            assertThat(run.task.committed).isEmpty();
            assertThat(run.reported).isEmpty();
        }
    }

    // Cancelling a task that would not stop

    @Test
    void cancellingClosesTheProducerAtOnceFromAnotherThread() {
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            run.start();

            run.workerTask.cancel();

            await().atMost(SourceTaskRun.WAIT).until(() -> !run.producer.closes.isEmpty());
            ScriptedProducer.Close close = run.producer.closes.get(0);
            assertThat(close.timeout()).isEqualTo(Duration.ZERO);
            assertThat(close.thread()).isNotSameAs(Thread.currentThread()).isNotSameAs(run.thread());
        }
    }

    @Test
    void cancelReturnsWhileTheProducerIsStillClosing() {
        CountDownLatch closeRelease = new CountDownLatch(1);
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            try {
                run.producer.holdCloseUntil(closeRelease);
                run.start();

                assertTimeoutPreemptively(Duration.ofSeconds(10), run.workerTask::cancel);

                await().atMost(SourceTaskRun.WAIT).until(() -> !run.producer.closes.isEmpty());
                assertThat(run.producer.closed()).isFalse();
            } finally {
                closeRelease.countDown();
            }
        }
    }

    @Test
    void cancellingFreesATaskStuckInSend() throws InterruptedException {
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            run.producer.holdSendsUntilClosed();
            run.task.returns(line(1));
            run.start();
            assertThat(run.producer.awaitSendHeld(SourceTaskRun.WAIT)).isTrue();
            run.stop();
            assertThat(run.workerTask.awaitStop(100)).as("stop alone frees the task").isFalse();

            run.workerTask.cancel();

            run.awaitFinished();
            assertThat(run.statuses.taskStates()).doesNotContain(State.FAILED);
        }
    }

    @Test
    void cancellingATaskStuckInASharedProducerInterruptsItAndLeavesTheProducerToTheOthers()
            throws InterruptedException {
        try (SourceTaskRun run = SourceTaskRun.sharingItsProducer()) {
            run.producer.holdSendsUntilClosed();
            run.task.returns(line(1));
            run.start();
            assertThat(run.producer.awaitSendHeld(SourceTaskRun.WAIT)).isTrue();
            run.stop();
            assertThat(run.workerTask.awaitStop(100)).as("stop alone frees the task").isFalse();

            run.workerTask.cancel();

            run.awaitFinished();
            assertThat(run.statuses.taskStates()).doesNotContain(State.FAILED);
            assertThat(run.producer.closes).as("the other task still sends through it").isEmpty();
            assertThat(run.registry.producers()).isEqualTo(1);
            assertThat(run.committedOffset()).isNull();

            run.otherTasksLease.release(Duration.ZERO);
            assertThat(run.producer.closes).hasSize(1);
            assertThat(run.registry.producers()).isZero();
        }
    }

    @Test
    void taskFailingAfterCancellationReportsNoFailedStatus() throws InterruptedException {
        CountDownLatch polling = new CountDownLatch(1);
        CountDownLatch pollRelease = new CountDownLatch(1);
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            try {
                run.task.then(() -> {
                    polling.countDown();
                    pollRelease.await(30, TimeUnit.SECONDS);
                    throw new IllegalStateException("source system went away");
                });
                run.start();
                assertThat(polling.await(30, TimeUnit.SECONDS)).isTrue();
                run.stop();
                run.workerTask.cancel();
            } finally {
                pollRelease.countDown();
            }
            run.awaitFinished();

            assertThat(run.statuses.taskStates()).containsExactly(State.RUNNING, State.UNASSIGNED);
        }
    }

    @Test
    void cancelledTaskIsReportedUnassignedAtOnceWhileItsThreadIsStillBusy() throws InterruptedException {
        CountDownLatch polling = new CountDownLatch(1);
        CountDownLatch pollRelease = new CountDownLatch(1);
        try (SourceTaskRun run = SourceTaskRun.failingOnErrors()) {
            try {
                run.task.then(() -> {
                    polling.countDown();
                    pollRelease.await(30, TimeUnit.SECONDS);
                    return List.of();
                });
                run.start();
                assertThat(polling.await(30, TimeUnit.SECONDS)).isTrue();
                run.stop();
                run.workerTask.cancel();

                assertThat(run.statuses.taskStates()).containsExactly(State.RUNNING, State.UNASSIGNED);
            } finally {
                pollRelease.countDown();
            }
            run.awaitFinished();

            assertThat(run.statuses.taskStates()).containsExactly(State.RUNNING, State.UNASSIGNED);
        }
    }

    /** Line 1 is acknowledged; line 2 fails once the task was asked to stop, before the task loop notices. */
    private static void secondSendFailsOnceStopped(SourceTaskRun run) {
        run.task.returns(line(1), line(2));
        run.task.then(() -> {
            run.producer.completeNext();
            run.stop();
            run.producer.errorNext(new NetworkException("connection to the broker lost"));
            return null;
        });
    }

    private static void acknowledgeAll(SourceTaskRun run) {
        boolean acknowledged;
        do {
            acknowledged = run.producer.completeNext();
        } while (acknowledged);
    }
}
