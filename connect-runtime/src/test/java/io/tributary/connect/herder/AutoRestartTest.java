package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.tributary.connect.cli.LocalWorkers;
import io.tributary.connect.cli.StandaloneWorker;
import io.tributary.connect.config.AutoRestartConfig;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.errors.NotFoundException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tributary's automatic restarts on a real standalone worker: a file sink whose output folder is missing fails,
 * and comes back by itself once the folder exists; only when the feature is on, and never against a user's pause
 * or delete.
 */
@ExtendWith(KafkaBrokerExtension.class)
class AutoRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = "auto-restart-input";
    private static final List<String> RECORDS = List.of("first", "second", "third");

    @TempDir
    static Path dir;
    private static StandaloneWorker restarting;
    private static StandaloneWorker plain;

    @BeforeAll
    static void startWorkers(KafkaBroker kafka) throws Exception {
        kafka.createTopic(TOPIC);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerProperties())) {
            for (String value : RECORDS) {
                producer.send(new ProducerRecord<>(TOPIC, value.getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        restarting = LocalWorkers.standalone(kafka, dir.resolve("restarting.offsets"), Map.of(
                AutoRestartConfig.ENABLED_CONFIG, "true",
                AutoRestartConfig.BACKOFF_INITIAL_MS_CONFIG, "200",
                AutoRestartConfig.BACKOFF_MAX_MS_CONFIG, "1000"));
        plain = LocalWorkers.standalone(kafka, dir.resolve("plain.offsets"), Map.of());
    }

    @AfterAll
    static void stopWorkers() {
        if (restarting != null) {
            restarting.stop();
        }
        if (plain != null) {
            plain.stop();
        }
    }

    @Test
    void aSinkFailingOnAMissingFolderComesBackByItselfOnceTheFolderExists() throws Exception {
        Path folder = dir.resolve("later");
        Path file = folder.resolve("out.txt");
        put(restarting, "missing-folder", fileSink(file, Map.of()));

        ConnectorStateInfo.TaskState failed = awaitTaskState(restarting, "missing-folder", "FAILED");
        assertThat(failed.trace()).contains("NoSuchFileException");
        // Attempts keep failing while the folder is missing; the status keeps the trace meanwhile.
        await().atMost(WAIT).until(() -> attempts("missing-folder", 0) >= 2);
        assertThat(restarting.herder().taskStatus(task("missing-folder")).trace()).contains("NoSuchFileException");

        Files.createDirectories(folder);

        assertThat(awaitTaskState(restarting, "missing-folder", "RUNNING").trace()).isNull();
        await().atMost(WAIT).until(() -> Files.exists(file) && Files.readAllLines(file).equals(RECORDS));
    }

    @Test
    void aConnectorFailingInStartComesBackByItselfOnceItCanStart() throws Exception {
        ScriptedSourceConnector.armFailure("flaky-connector");
        put(restarting, "flaky-connector", StandaloneHerderLifecycleTest.scripted("fail", "connector"));
        ConnectorStateInfo.ConnectorState failed = await().atMost(WAIT).ignoreExceptions()
                .until(() -> restarting.herder().connectorStatus("flaky-connector").connector(),
                        connector -> connector.state().equals("FAILED"));
        assertThat(failed.trace()).contains("scripted failure in start of connector flaky-connector");
        await().atMost(WAIT).until(() -> connectorAttempts("flaky-connector") >= 1);

        ScriptedSourceConnector.disarmFailure("flaky-connector");

        await().atMost(WAIT).ignoreExceptions()
                .until(() -> restarting.herder().connectorStatus("flaky-connector").connector().state(),
                        "RUNNING"::equals);
        awaitTaskState(restarting, "flaky-connector", "RUNNING");
    }

    @Test
    void withTheSettingOffAFailedTaskStaysFailed() throws Exception {
        Path folder = dir.resolve("never-retried");
        put(plain, "stays-failed", fileSink(folder.resolve("out.txt"), Map.of()));
        awaitTaskState(plain, "stays-failed", "FAILED");

        Files.createDirectories(folder);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> plain.herder().taskStatus(task("stays-failed")).state(), "FAILED"::equals);
        assertThat(folder.resolve("out.txt")).doesNotExist();
    }

    @Test
    void aConnectorTurnsItOnForItselfOnAWorkerThatHasItOff() throws Exception {
        Path folder = dir.resolve("opted-in");
        put(plain, "opted-in", fileSink(folder.resolve("out.txt"), Map.of(AutoRestartConfig.ENABLED_CONFIG, "true",
                AutoRestartConfig.BACKOFF_INITIAL_MS_CONFIG, "200", AutoRestartConfig.BACKOFF_MAX_MS_CONFIG, "500")));
        awaitTaskState(plain, "opted-in", "FAILED");

        Files.createDirectories(folder);

        awaitTaskState(plain, "opted-in", "RUNNING");
    }

    @Test
    void maxAttemptsLeaveTheTaskFailedForAUser() throws Exception {
        Path folder = dir.resolve("gives-up");
        put(restarting, "gives-up", fileSink(folder.resolve("out.txt"),
                Map.of(AutoRestartConfig.MAX_ATTEMPTS_CONFIG, "2")));
        await().atMost(WAIT).until(() -> attempts("gives-up", 0) == 2);

        Files.createDirectories(folder);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> restarting.herder().taskStatus(task("gives-up")).state(), "FAILED"::equals);
        assertThat(attempts("gives-up", 0)).isEqualTo(2);
        restarting.herder().restartTask(RequestContext.CLIENT, task("gives-up")).get(30, TimeUnit.SECONDS);
        awaitTaskState(restarting, "gives-up", "RUNNING");
    }

    @Test
    void aUserPauseWinsOverAPendingRestart() throws Exception {
        Path folder = dir.resolve("paused");
        put(restarting, "paused", fileSink(folder.resolve("out.txt"), slowFirstRestart()));
        awaitTaskState(restarting, "paused", "FAILED");

        restarting.herder().pauseConnector("paused").get(30, TimeUnit.SECONDS);
        Files.createDirectories(folder);

        // The restart was due after 2 s; a restarted task would have created the file even while paused.
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> restarting.herder().taskStatus(task("paused")).state(), "FAILED"::equals);
        assertThat(folder.resolve("out.txt")).doesNotExist();
        assertThat(attempts("paused", 0)).isZero();
    }

    @Test
    void aUserDeleteWinsOverAPendingRestart() throws Exception {
        Path folder = dir.resolve("deleted");
        put(restarting, "deleted", fileSink(folder.resolve("out.txt"), slowFirstRestart()));
        awaitTaskState(restarting, "deleted", "FAILED");

        restarting.herder().deleteConnectorConfig(RequestContext.CLIENT, "deleted").get(30, TimeUnit.SECONDS);
        Files.createDirectories(folder);

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> !Files.exists(folder.resolve("out.txt")) && !hasStatus("deleted"));
    }

    @Test
    void aConnectorWithABadSettingIsRefusedNamingTheKeyAndValue() {
        Map<String, String> config = fileSink(dir.resolve("refused.txt"),
                Map.of(AutoRestartConfig.MAX_ATTEMPTS_CONFIG, "many"));

        assertThatThrownBy(() -> put(restarting, "refused", config))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(BadRequestException.class)
                .hasMessageContaining(AutoRestartConfig.MAX_ATTEMPTS_CONFIG).hasMessageContaining("many");
        assertThat(hasStatus("refused")).isFalse();
    }

    private static Map<String, String> slowFirstRestart() {
        return Map.of(AutoRestartConfig.BACKOFF_INITIAL_MS_CONFIG, "2000", AutoRestartConfig.BACKOFF_MAX_MS_CONFIG,
                "2000");
    }

    private static Map<String, String> fileSink(Path file, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "FileStreamSink");
        config.put("tasks.max", "1");
        config.put("topics", TOPIC);
        config.put("file", file.toString());
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.putAll(extra);
        return config;
    }

    private static void put(StandaloneWorker worker, String name, Map<String, String> config) throws Exception {
        Map<String, String> withName = new HashMap<>(config);
        withName.put("name", name);
        worker.herder().putConnectorConfig(RequestContext.CLIENT, name, withName, null, false)
                .get(30, TimeUnit.SECONDS);
    }

    private static ConnectorTaskId task(String connector) {
        return new ConnectorTaskId(connector, 0);
    }

    private static ConnectorStateInfo.TaskState awaitTaskState(StandaloneWorker worker, String connector,
                                                               String state) {
        return await().atMost(WAIT).ignoreExceptions()
                .until(() -> worker.herder().taskStatus(task(connector)), task -> task.state().equals(state));
    }

    private static boolean hasStatus(String connector) {
        try {
            restarting.herder().taskStatus(task(connector));
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The restarting worker's count of automatic restarts of a task, as JMX shows it; 0 before the first. */
    private static long attempts(String connector, int task) throws Exception {
        return attempts("kafka.connect:type=tributary-auto-restart-metrics,connector=" + connector + ",task=" + task);
    }

    private static long connectorAttempts(String connector) throws Exception {
        return attempts("kafka.connect:type=tributary-auto-restart-metrics,connector=" + connector);
    }

    private static long attempts(String mbean) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(mbean);
        if (!server.isRegistered(name)) {
            return 0;
        }
        return ((Double) server.getAttribute(name, "auto-restart-attempts-total")).longValue();
    }
}
