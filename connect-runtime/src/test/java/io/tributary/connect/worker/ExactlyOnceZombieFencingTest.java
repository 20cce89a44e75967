package io.tributary.connect.worker;

import static io.tributary.connect.worker.ScriptedSourceTask.FILE;
import static io.tributary.connect.worker.ScriptedSourceTask.offset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.tributary.connect.ManualTime;
import io.tributary.connect.config.WorkerClientConfigs;
import io.tributary.connect.errors.ErrorHandler;
import io.tributary.connect.errors.ErrorHandlingSettings;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.State;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.status.TopicRecorder;
import io.tributary.connect.storage.MemoryOffsetBackingStore;
import io.tributary.connect.storage.OffsetCodec;
import io.tributary.connect.storage.StoredOffsetReader;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask.TransactionBoundary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Zombie fencing on a real broker: a task instance of an older generation, its transaction open, is fenced out the
 * way the leader does it (Admin.fenceProducers on the task's transactional id) and a new instance takes over. The
 * zombie's commit then fails, it stops as FAILED, and a read_committed consumer sees only the new instance's records
 * and offsets.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ExactlyOnceZombieFencingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long INTERVAL_MS = 60_000;

    private KafkaBroker broker;
    private String id;
    private ConnectorTaskId taskId;
    private String topic;
    private String offsetsTopic;
    private final List<ExactlyOnceWorkerSourceTask> running = new ArrayList<>();

    @BeforeEach
    void setUp(KafkaBroker broker) {
        this.broker = broker;
        this.id = UUID.randomUUID().toString().substring(0, 8);
        this.taskId = new ConnectorTaskId("fenced-" + id, 0);
        this.topic = "lines-" + id;
        this.offsetsTopic = "offsets-" + id;
        broker.createTopic(topic);
        broker.createTopic(offsetsTopic, 2);
    }

    @AfterEach
    void stopTasks() {
        running.forEach(task -> {
            task.stop();
            task.awaitStop(WAIT.toMillis());
        });
    }

    @Test
    void aZombieFencedOutByTheLeaderCannotCommitAndStopsWhileTheNewGenerationCommits() throws Exception {
        List<String> zombieEvents = Collections.synchronizedList(new ArrayList<>());
        ScriptedSourceTask zombieTask = new ScriptedSourceTask(zombieEvents);
        ManualTime zombieClock = new ManualTime();
        RecordingStatusStore zombieStatuses = new RecordingStatusStore();
        ExactlyOnceWorkerSourceTask zombie = start(zombieTask, TransactionBoundary.INTERVAL, zombieClock,
                zombieStatuses);
        zombieTask.returns(line(1), line(2));
        await().atMost(WAIT).until(() -> zombieEvents.size() >= 3);

        try (Admin admin = broker.admin()) {
            admin.fenceProducers(List.of(transactionalId())).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        ScriptedSourceTask successorTask = new ScriptedSourceTask(Collections.synchronizedList(new ArrayList<>()));
        RecordingStatusStore successorStatuses = new RecordingStatusStore();
        start(successorTask, TransactionBoundary.POLL, new ManualTime(), successorStatuses);
        successorTask.returns(line(3));
        await().atMost(WAIT).until(() -> committedValues(topic).contains("\"line-3\""));

        zombieClock.advance(INTERVAL_MS);

        assertThat(zombie.awaitStop(WAIT.toMillis())).as("the zombie stopped").isTrue();
        assertThat(zombieStatuses.taskStates()).endsWith(State.FAILED);
        // Fenced at its commit (ProducerFencedException), or already at a send that reached the broker after the
        // fencing (InvalidProducerEpochException): either way the zombie stops.
        assertThat(zombieStatuses.lastWith(State.FAILED).trace()).contains(taskId.toString())
                .containsAnyOf("Caused by: org.apache.kafka.common.errors.ProducerFencedException",
                        "Caused by: org.apache.kafka.common.errors.InvalidProducerEpochException");
        assertThat(successorStatuses.taskStates()).doesNotContain(State.FAILED);
        assertThat(committedValues(topic)).containsExactly("\"line-3\"");
        assertThat(committedValues(offsetsTopic)).containsExactly("{\"position\":3}");
    }

    private ExactlyOnceWorkerSourceTask start(ScriptedSourceTask sourceTask, TransactionBoundary boundary,
                                              Time time, RecordingStatusStore statuses) {
        Map<String, Object> props = broker.producerProperties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        MemoryOffsetBackingStore offsets = new MemoryOffsetBackingStore();
        offsets.start();
        Metrics metrics = new Metrics(time);
        ErrorHandler errors = new ErrorHandler(taskId, new ErrorHandlingSettings(0, 60_000, false, false, false),
                List.of(failure -> CompletableFuture.completedFuture(null)), time);
        ExactlyOnceWorkerSourceTask.Parts parts = new ExactlyOnceWorkerSourceTask.Parts(Map.of(),
                TransformationChain.empty(), TestConverters.stringKeysJsonValues(), new KafkaProducer<>(props),
                new StoredOffsetReader(taskId.connector(), offsets, new OffsetCodec()),
                new TransactionalOffsets(taskId.connector(), offsetsTopic, null, 5_000), boundary, INTERVAL_MS,
                ExactlyOncePreflight.NONE, 5_000, TopicRecorder.DISABLED, errors, TopicCreator.NONE,
                TestPluginMetrics.detached(), time, TestTaskMetrics.source(metrics, taskId, time), offsets::stop);
        ExactlyOnceWorkerSourceTask task = new ExactlyOnceWorkerSourceTask(taskId, sourceTask, parts,
                new StatusReporter(statuses.store, "worker-" + running.size()), getClass().getClassLoader(),
                TargetState.STARTED);
        running.add(task);
        new Thread(task, "task-" + running.size()).start();
        await().atMost(WAIT).until(() -> statuses.taskStates().contains(State.RUNNING));
        return task;
    }

    /** Line {@code n} of the file, for this test's topic. */
    private SourceRecord line(long n) {
        return new SourceRecord(FILE, offset(n), topic, null, Schema.STRING_SCHEMA, "line-" + n);
    }

    private String transactionalId() {
        return WorkerClientConfigs.taskTransactionalId("zombie-group", taskId.connector(), taskId.task());
    }

    /** The values a read_committed consumer sees in the topic, up to its last stable offset. */
    private List<String> committedValues(String name) {
        Map<String, Object> props = broker.consumerProperties("reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(name).stream()
                    .map(info -> new TopicPartition(name, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record ->
                        values.add(new String(record.value(), StandardCharsets.UTF_8)));
            }
        }
        return values;
    }
}
