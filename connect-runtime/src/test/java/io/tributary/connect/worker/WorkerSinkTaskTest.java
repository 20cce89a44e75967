package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

import io.tributary.connect.ManualTime;
import io.tributary.connect.errors.ErrorHandler;
import io.tributary.connect.errors.ErrorHandlingSettings;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.State;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.status.TopicRecorder;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sink task loop against kafka-clients' MockConsumer and a clock the test moves: offset commits at
 * offset.flush.interval.ms and the back-off after a RetriableException are driven by that clock, not by sleeping.
 * Rebalances run inside the task's poll, on its thread, as the real consumer's do.
 */
class WorkerSinkTaskTest {

    private static final ConnectorTaskId ID = new ConnectorTaskId("clocked-sink", 0);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "orders";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final long COMMIT_INTERVAL_MS = 60_000;
    /** What the task asks through {@link SinkTaskContext#timeout} after a RetriableException. */
    private static final long RETRY_BACKOFF_MS = 5_000;

    private final ManualTime time = new ManualTime();
    private final Metrics metrics = new Metrics(time);
    private final CommitRecordingConsumer consumer = new CommitRecordingConsumer();
    private final RecordingSinkTask task = new RecordingSinkTask();
    private final RecordingStatusStore statuses = new RecordingStatusStore();
    private WorkerSinkTask workerTask;

    @BeforeEach
    void startWithTheFirstPartitionAssigned() {
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P0)));
        ErrorHandler errors = new ErrorHandler(ID, new ErrorHandlingSettings(0, 60_000, false, false, false),
                List.of(), time);
        WorkerSinkTask.Parts parts = new WorkerSinkTask.Parts(Map.of("topics", TOPIC), TransformationChain.empty(),
                TestConverters.stringKeysJsonValues(), consumer, COMMIT_INTERVAL_MS, TopicRecorder.DISABLED, errors,
                null, TestPluginMetrics.detached(), time, TestTaskMetrics.sink(metrics, ID, time));
        workerTask = new WorkerSinkTask(ID, task, parts, new StatusReporter(statuses.store, "worker-1"),
                getClass().getClassLoader(), TargetState.STARTED);
        new Thread(workerTask, "clocked-sink-task").start();
        await().atMost(WAIT).until(() -> task.events.contains("open " + List.of(P0)));
    }

    @AfterEach
    void stop() {
        workerTask.stop();
        assertThat(workerTask.awaitStop(WAIT.toMillis())).as("task thread finished").isTrue();
    }

    @Test
    void consumedRecordsReachPutConverted() {
        consumer.addRecord(record(P0, 0, "order-7", "{\"id\":7}"));

        await().atMost(WAIT).until(() -> task.puts.size() == 1);

        SinkRecord delivered = task.puts.get(0).get(0);
        assertThat(delivered.topic()).isEqualTo(TOPIC);
        assertThat(delivered.kafkaPartition()).isEqualTo(0);
        assertThat(delivered.kafkaOffset()).isEqualTo(0);
        assertThat(delivered.key()).isEqualTo("order-7");
        assertThat(delivered.value()).isEqualTo(Map.of("id", 7L));
    }

    @Test
    void deliveredOffsetsAreCommittedOnlyOnceTheCommitIntervalHasPassedOnTheClock() {
        consumer.addRecord(record(P0, 0, "a", "1"));
        consumer.addRecord(record(P0, 1, "b", "2"));
        await().atMost(WAIT).until(() -> task.received() == 2);

        time.advance(COMMIT_INTERVAL_MS - 1);
        consumer.addRecord(record(P0, 2, "c", "3"));
        await().atMost(WAIT).until(() -> task.received() == 3);
        assertThat(consumer.commits).as("a millisecond before the interval").isEmpty();

        time.advance(1);
        await().atMost(WAIT).until(() -> !consumer.commits.isEmpty());
        assertThat(consumer.commits.get(0)).isEqualTo(Map.of(P0, new OffsetAndMetadata(3)));
        assertThat(task.preCommits.get(0)).isEqualTo(Map.of(P0, new OffsetAndMetadata(3)));
    }

    @Test
    void theOffsetsCommittedAreThoseTheTasksPreCommitAnswers() {
        task.preCommitAnswer = offsets -> Map.of(P0, new OffsetAndMetadata(1));
        consumer.addRecord(record(P0, 0, "a", "1"));
        consumer.addRecord(record(P0, 1, "b", "2"));
        await().atMost(WAIT).until(() -> task.received() == 2);

        time.advance(COMMIT_INTERVAL_MS);

        await().atMost(WAIT).until(() -> !consumer.commits.isEmpty());
        assertThat(consumer.commits.get(0)).isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
    }

    @Test
    void aRetriableExceptionFromPutRedeliversTheSameBatchAfterTheBackoffWithTheConsumerPaused() {
        task.retriableFailures.set(1);
        consumer.addRecord(record(P0, 0, "a", "1"));
        consumer.addRecord(record(P0, 1, "b", "2"));
        await().atMost(WAIT).until(() -> task.puts.size() == 1);

        await().atMost(WAIT).until(() -> consumer.paused().contains(P0));
        assertThat(task.puts).as("no redelivery while the clock stands still").hasSize(1);

        time.advance(RETRY_BACKOFF_MS);

        await().atMost(WAIT).until(() -> task.puts.size() == 2);
        assertThat(task.puts.get(1)).isEqualTo(task.puts.get(0));
        await().atMost(WAIT).until(() -> consumer.paused().isEmpty());
        assertThat(statuses.taskStates()).doesNotContain(State.FAILED);
    }

    @Test
    void aRebalanceClosesRevokedPartitionsOnTheTaskAndOpensAssignedOnes() {
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P1)));

        await().atMost(WAIT).until(() -> task.events.contains("open " + List.of(P1)));
        assertThat(task.events).containsSubsequence("open " + List.of(P0), "close " + List.of(P0),
                "open " + List.of(P1));
    }

    @Test
    void aRevokedPartitionCommitsItsDeliveredOffsetsBeforeTheTaskClosesIt() {
        consumer.addRecord(record(P0, 0, "a", "1"));
        await().atMost(WAIT).until(() -> task.received() == 1);

        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P1)));

        await().atMost(WAIT).until(() -> task.events.contains("close " + List.of(P0)));
        assertThat(consumer.commits).containsExactly(Map.of(P0, new OffsetAndMetadata(1)));
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset, String key,
                                                         String json) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset,
                key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A MockConsumer that notes every commit, and whose empty polls wait a moment as a real consumer's would, so
     * that the task loop does not spin while the clock stands still.
     */
    private static final class CommitRecordingConsumer extends MockConsumer<byte[], byte[]> {

        final List<Map<TopicPartition, OffsetAndMetadata>> commits = new CopyOnWriteArrayList<>();

        CommitRecordingConsumer() {
            super("earliest");
        }

        @Override
        public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
            ConsumerRecords<byte[], byte[]> records = super.poll(timeout);
            if (records.isEmpty()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(timeout.toMillis(), 5)));
            }
            return records;
        }

        /** MockConsumer's commitSync commits through this method too. */
        @Override
        public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets,
                                             OffsetCommitCallback callback) {
            commits.add(Map.copyOf(offsets));
            super.commitAsync(offsets, callback);
        }
    }

    /** Notes every put batch, preCommit, open and close; can fail puts with a RetriableException. */
    private static final class RecordingSinkTask extends SinkTask {

        final List<List<SinkRecord>> puts = new CopyOnWriteArrayList<>();
        final List<Map<TopicPartition, OffsetAndMetadata>> preCommits = new CopyOnWriteArrayList<>();
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicInteger retriableFailures = new AtomicInteger();
        volatile UnaryOperator<Map<TopicPartition, OffsetAndMetadata>> preCommitAnswer = offsets -> offsets;

        @Override
        public void start(Map<String, String> props) {
            context.timeout(RETRY_BACKOFF_MS);
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            if (records.isEmpty()) {
                return;
            }
            puts.add(List.copyOf(records));
            if (retriableFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new RetriableException("The store is busy");
            }
        }

        /** Records handed to put so far, in however many batches. */
        int received() {
            return puts.stream().mapToInt(List::size).sum();
        }

        @Override
        public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
            preCommits.add(new HashMap<>(offsets));
            return preCommitAnswer.apply(offsets);
        }

        @Override
        public void open(Collection<TopicPartition> partitions) {
            events.add("open " + List.copyOf(partitions));
        }

        @Override
        public void close(Collection<TopicPartition> partitions) {
            events.add("close " + List.copyOf(partitions));
        }

        @Override
        public void stop() {
        }

        @Override
        public String version() {
            return "1.0";
        }
    }
}
