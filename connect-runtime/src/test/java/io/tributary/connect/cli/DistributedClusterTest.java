package io.tributary.connect.cli;

import io.tributary.connect.herder.RequestContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tributary.connect.config.DistributedConfig;
import io.tributary.connect.herder.DistributedHerder;
import io.tributary.connect.herder.ConflictException;
import io.tributary.connect.storage.KafkaConfigBackingStore;
import io.tributary.connect.storage.KafkaLogSettings;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Two distributed workers in one JVM on a real broker: forwarding to the leader, and a fenced stale leader. */
@ExtendWith(KafkaBrokerExtension.class)
class DistributedClusterTest {

    private static final long TIMEOUT_S = 60;

    @TempDir
    Path dir;

    private KafkaBroker broker;
    private String id;
    private final List<DistributedWorker> workers = new ArrayList<>();

    @BeforeEach
    void setUp(KafkaBroker broker) {
        this.broker = broker;
        this.id = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(DistributedWorker::stop);
    }

    @Test
    void aConnectorCreatedOnTheFollowerIsWrittenByTheLeaderAndKnownToBoth() throws Exception {
        DistributedWorker first = start(Map.of());
        DistributedWorker second = start(Map.of());
        DistributedHerder follower = leader(first) ? second.herder() : first.herder();
        DistributedHerder leader = follower == first.herder() ? second.herder() : first.herder();

        follower.putConnectorConfig(RequestContext.CLIENT, "c-" + id, fileSource("c-" + id), null, false).get(TIMEOUT_S, TimeUnit.SECONDS);

        assertThat(leader.connectors().get(TIMEOUT_S, TimeUnit.SECONDS)).contains("c-" + id);
        await("the connector's task to be written", () -> !join(follower.taskConfigs("c-" + id)).isEmpty());
    }

    @Test
    void aLeaderFencedByANewerClaimantHasItsWriteRejectedWithA409AndALogLine() throws Exception {
        DistributedWorker worker = start(Map.of("exactly.once.source.support", "preparing"));
        await("the worker to lead", () -> leader(worker));
        ListAppender<ILoggingEvent> logs = capture("io.tributary.connect.herder.LeaderDuties");
        // A newer leader of the same cluster claims the config topic, fencing this one.
        KafkaConfigBackingStore usurper = new KafkaConfigBackingStore(new KafkaLogSettings("dist-" + id + "-configs",
                "config.storage.topic", 1, (short) 1, Map.of("bootstrap.servers", broker.bootstrapServers()),
                Duration.ofSeconds(30)), Time.SYSTEM, DistributedConfig.transactionalProducerId("dist-" + id));
        usurper.start();
        try {
            usurper.claimWritePrivileges();

            assertThatThrownBy(() -> worker.herder().putConnectorConfig(RequestContext.CLIENT, "stale-" + id, fileSource("stale-" + id), null, false)
                    .get(TIMEOUT_S, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ConflictException.class)
                    .hasMessageContaining("no longer the leader");
            assertThat(logs.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                    .contains("Rejected the write of the config of connector stale-" + id)
                    .contains("a newer leader"));
            assertThat(usurper.contains("stale-" + id)).isFalse();
        } finally {
            usurper.stop();
        }
    }

    @Test
    void aConfigProviderKeepsTheSecretOutOfTheConfigTopicWhileTheTaskRunsWithIt() throws Exception {
        String secret = "s3cret-" + id;
        Path secrets = Files.writeString(dir.resolve("secrets.properties"), "topic=" + secret + "\n");
        String reference = "${file:" + secrets + ":topic}";
        DistributedWorker worker = start(Map.of("config.providers", "file",
                "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider"));
        broker.createTopic(secret);
        Map<String, String> config = new HashMap<>(fileSource("provided-" + id));
        config.put("topic", reference);

        worker.herder().putConnectorConfig(RequestContext.CLIENT, "provided-" + id, config, null, false)
                .get(TIMEOUT_S, TimeUnit.SECONDS);

        // The task resolved the reference: its lines arrive in the topic the secret names.
        await("the lines in the secret topic", () -> topicText(secret).split("\n").length == 2);
        assertThat(topicText("dist-" + id + "-configs")).contains(reference).doesNotContain(secret);
    }

    private DistributedWorker start(Map<String, String> overrides) {
        Map<String, String> props = LocalWorkers.distributedProps(broker, "dist-" + id);
        props.put("offset.storage.partitions", "2");
        props.put("status.storage.partitions", "2");
        props.put("scheduled.rebalance.max.delay.ms", "1000");
        props.putAll(overrides);
        DistributedWorker worker = DistributedWorker.start(props);
        workers.add(worker);
        await("the worker to join the group", () -> worker.herder().isReady());
        return worker;
    }

    private Map<String, String> fileSource(String name) throws Exception {
        Path input = Files.writeString(dir.resolve("in-" + UUID.randomUUID() + ".txt"), "a\nb\n");
        return Map.of("name", name, "connector.class", "FileStreamSource", "file", input.toString(), "topic", "dist-" + id,
                "tasks.max", "1");
    }

    /** Every record value of the topic up to its current end, one per line. */
    private String topicText(String topic) {
        StringBuilder text = new StringBuilder();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(broker.consumerProperties("read-" + id))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> text.append(record.value() == null ? ""
                        : new String(record.value(), StandardCharsets.UTF_8)).append('\n'));
            }
        }
        return text.toString().strip();
    }

    private static boolean leader(DistributedWorker worker) {
        return join(worker.herder().isLeader());
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ListAppender<ILoggingEvent> capture(String logger) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(logger)).addAppender(appender);
        return appender;
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        Object lock = new Object();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            synchronized (lock) {
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what, e);
                }
            }
        }
    }
}
