package io.tributary.connect.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.tributary.connect.e2e.WorkerProcess.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Distributed mode as a user runs it: a cluster of real worker processes started by
 * bin/connect-distributed.sh on a real broker, driven over HTTP and by POSIX signals (SIGKILL, SIGTERM,
 * SIGSTOP/SIGCONT). Timeouts are small so that failovers take seconds.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DistributedEndToEndIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration DATA = Duration.ofSeconds(120);
    private static final int SESSION_TIMEOUT_MS = 6_000;
    private static final int REBALANCE_DELAY_MS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private KafkaBroker broker;
    private String id;
    private final List<WorkerProcess> workers = new ArrayList<>();

    @BeforeEach
    void setUp(KafkaBroker broker) {
        this.broker = broker;
        this.id = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(worker -> {
            if (worker.isAlive()) {
                worker.thaw();
            }
            worker.close();
        });
    }

    @Test
    void connectorCreatedThroughEitherWorkerAppearsOnBothAndTheirTasksSpreadAcrossBoth() throws IOException {
        WorkerProcess first = startWorker(Map.of());
        WorkerProcess second = startWorker(Map.of());
        RestClient one = rest(first);
        RestClient two = rest(second);
        Path input = writeLines(dir.resolve("in.txt"), 1, 10);
        String topic = topic("spread");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = "src-" + i + "-" + id;
            RestClient via = i % 2 == 0 ? one : two;
            assertThat(via.post("/connectors", createBody(name, fileSource(input, topic))).status()).isEqualTo(201);
            names.add(name);
        }

        for (RestClient worker : List.of(one, two)) {
            awaitCondition(DATA, "every connector listed by " + worker,
                    () -> listed(worker).containsAll(names));
        }
        awaitCondition(DATA, "every task RUNNING", () -> names.stream().allMatch(n -> "RUNNING".equals(taskState(one, n))));
        Set<String> taskWorkers = names.stream().map(n -> taskWorker(two, n)).collect(Collectors.toSet());
        assertThat(taskWorkers).as("workers running the tasks").containsExactlyInAnyOrder(workerId(first),
                workerId(second));
        assertThat(two.get("/connectors/" + names.get(0) + "/config").json().get("file").asText())
                .isEqualTo(input.toString());
    }

    @Test
    void survivorTakesOverTheSourceTaskOfAKilledWorkerAndEveryLineReachesTheSink() throws IOException {
        WorkerProcess first = startWorker(Map.of());
        WorkerProcess second = startWorker(Map.of());
        String topic = topic("failover");
        broker.createTopic(topic, 1);
        Path input = writeLines(dir.resolve("input.txt"), 1, 20_000);
        Path output = dir.resolve("output.txt");
        RestClient any = rest(first);
        String source = "source-" + id;
        String sink = "sink-" + id;
        assertThat(any.post("/connectors", createBody(source, fileSource(input, topic))).status()).isEqualTo(201);
        assertThat(any.post("/connectors", createBody(sink, fileSink(output, topic))).status()).isEqualTo(201);
        awaitCondition(DATA, "the sink to receive lines", () -> countLines(output) > 1_000);

        String victimId = awaitTaskWorker(any, source);
        WorkerProcess victim = victimId.equals(workerId(first)) ? first : second;
        WorkerProcess survivor = victim == first ? second : first;
        RestClient survivorRest = rest(survivor);
        victim.kill();
        long killedAt = System.nanoTime();
        awaitCondition(DATA, "the source task to run on the survivor", () -> workerId(survivor)
                .equals(taskWorker(survivorRest, source)) && "RUNNING".equals(taskState(survivorRest, source)));
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        writeLines(input, 20_001, 1_000);

        awaitCondition(DATA, "every input line in the sink's file", () -> distinctLines(output) >= 21_000);
        List<String> received = Files.readAllLines(output);
        assertThat(new HashSet<>(received)).containsAll(Files.readAllLines(input));
        System.out.printf("Failover: source task ran on the survivor %d ms after kill -9; %d duplicate line(s) "
                + "of %d%n", takeover.toMillis(), received.size() - new HashSet<>(received).size(), 21_000);
        assertThat(takeover).isLessThan(Duration.ofMillis(SESSION_TIMEOUT_MS + REBALANCE_DELAY_MS + 10_000));
    }

    @Test
    void thirdWorkerTakesAShareWithoutRestartingTasksThatStayWhereTheyAre() throws IOException {
        WorkerProcess first = startWorker(Map.of());
        WorkerProcess second = startWorker(Map.of());
        RestClient rest = rest(first);
        Path input = writeLines(dir.resolve("in.txt"), 1, 10);
        List<String> names = IntStream.range(0, 6).mapToObj(i -> "share-" + i + "-" + id).toList();
        for (String name : names) {
            assertThat(rest.post("/connectors", createBody(name, fileSource(input, topic(name)))).status())
                    .isEqualTo(201);
        }
        awaitCondition(DATA, "every task RUNNING", () -> names.stream().allMatch(n -> "RUNNING".equals(taskState(rest, n))));
        Map<String, String> before = names.stream().collect(Collectors.toMap(n -> n, n -> taskWorker(rest, n)));

        WorkerProcess third = startWorker(Map.of());
        awaitCondition(DATA, "the third worker to run a task", () -> names.stream()
                .anyMatch(n -> workerId(third).equals(taskWorker(rest, n)) && "RUNNING".equals(taskState(rest, n))));
        awaitCondition(DATA, "every task RUNNING again", () -> names.stream()
                .allMatch(n -> "RUNNING".equals(taskState(rest, n))));

        for (String name : names) {
            String owner = before.get(name);
            if (owner.equals(taskWorker(rest, name))) {
                WorkerProcess stayed = owner.equals(workerId(first)) ? first : second;
                assertThat(countOccurrences(stayed.output(), "Starting task " + name + "-0"))
                        .as("starts of task %s-0, which stayed on %s", name, owner).isEqualTo(1);
            }
        }
    }

    @Test
    void stoppingEveryWorkerAndStartingOneBringsBackConnectorsConfigsPausedStateAndOffsets() throws IOException {
        WorkerProcess first = startWorker(Map.of());
        WorkerProcess second = startWorker(Map.of());
        String topic = topic("restart");
        broker.createTopic(topic, 1);
        Path input = writeLines(dir.resolve("input.txt"), 1, 2_000);
        Path output = dir.resolve("output.txt");
        RestClient rest = rest(second);
        String source = "source-" + id;
        String sink = "sink-" + id;
        String paused = "paused-" + id;
        rest.post("/connectors", createBody(source, fileSource(input, topic)));
        rest.post("/connectors", createBody(sink, fileSink(output, topic)));
        rest.post("/connectors", createBody(paused, fileSource(input, topic("paused"))));
        awaitCondition(DATA, "2000 lines in the sink's file", () -> countLines(output) >= 2_000);
        assertThat(rest.put("/connectors/" + paused + "/pause", null).status()).isEqualTo(202);
        awaitCondition(DATA, "the paused connector PAUSED", () -> "PAUSED".equals(connectorState(rest, paused)));
        awaitCondition(DATA, "the source's offset to cover the file", () -> sourcePosition(rest, source) > 0);
        JsonNode offsetsBefore = rest.get("/connectors/" + source + "/offsets").json();
        JsonNode sinkConfig = rest.get("/connectors/" + sink + "/config").json();

        first.terminate();
        second.terminate();
        first.awaitExit(Duration.ofSeconds(60));
        second.awaitExit(Duration.ofSeconds(60));
        WorkerProcess alone = startWorker(Map.of());
        RestClient restarted = rest(alone);

        awaitCondition(DATA, "the connectors to be back", () -> listed(restarted).containsAll(List.of(source, sink, paused)));
        assertThat(restarted.get("/connectors/" + sink + "/config").json()).isEqualTo(sinkConfig);
        awaitCondition(DATA, "the paused connector to come back PAUSED",
                () -> "PAUSED".equals(connectorState(restarted, paused)) && workerId(alone).equals(
                        restarted.get("/connectors/" + paused + "/status").json().get("connector").get("worker_id").asText()));
        assertThat(restarted.get("/connectors/" + source + "/offsets").json()).isEqualTo(offsetsBefore);
        writeLines(input, 2_001, 100);
        awaitCondition(DATA, "the new lines in the sink's file", () -> countLines(output) >= 2_100);
        assertThat(Files.readAllLines(output)).as("no line read twice after a graceful stop")
                .hasSize(2_100).containsExactlyElementsOf(Files.readAllLines(input));
    }

    @Test
    void configWriteOfALeaderDeposedWhileFrozenIsRejectedAndLogged() throws IOException {
        // With exactly.once.source.support=preparing the leader writes through a fencing transactional producer.
        Map<String, String> fenced = Map.of("exactly.once.source.support", "preparing",
                "heartbeat.interval.ms", "2000");
        WorkerProcess leader = startWorker(fenced);
        awaitCondition(STARTUP, "the first worker to lead", () -> leader.output().contains("is now the leader"));
        WorkerProcess other = startWorker(fenced);
        Path input = writeLines(dir.resolve("in.txt"), 1, 10);
        String connector = "kept-" + id;
        assertThat(rest(leader).post("/connectors", createBody(connector, fileSource(input, topic("kept"))))
                .status()).isEqualTo(201);
        awaitCondition(DATA, "the connector to run", () -> "RUNNING".equals(taskState(rest(other), connector)));

        leader.freeze();
        awaitCondition(DATA, "the other worker to take over as leader",
                () -> other.output().contains("is now the leader"));
        // Sent while the old leader is frozen: it still believes it leads when it wakes up and handles it.
        CompletableFuture<RestClient.Response> write = CompletableFuture.supplyAsync(() -> rest(leader)
                .put("/connectors/" + connector + "/stop", null));
        leader.thaw();

        RestClient.Response answer = write.join();
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("message").asText()).contains("no longer the leader");
        assertThat(leader.output()).contains("Rejected the write of the stop of connector " + connector)
                .contains("a newer leader");
        assertThat(connectorState(rest(other), connector)).isEqualTo("RUNNING");
    }

    @Test
    void workerFileWithoutGroupIdStopsStartupWithExitCode2NamingTheKey() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("config.storage.topic", "e2e-" + id + "-configs");
        props.put("offset.storage.topic", "e2e-" + id + "-offsets");
        props.put("status.storage.topic", "e2e-" + id + "-status");
        try (WorkerProcess process = WorkerProcess.startDistributed(dir, props)) {
            assertThat(process.awaitExit(STARTUP)).isEqualTo(2);
            assertThat(process.output()).contains("group.id").doesNotContain("\tat io.tributary");
        }
    }

    private WorkerProcess startWorker(Map<String, String> overrides) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("group.id", "e2e-cluster-" + id);
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("config.storage.topic", "e2e-" + id + "-configs");
        props.put("offset.storage.topic", "e2e-" + id + "-offsets");
        props.put("status.storage.topic", "e2e-" + id + "-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.storage.partitions", "3");
        props.put("status.storage.partitions", "2");
        props.put("offset.flush.interval.ms", "500");
        props.put("session.timeout.ms", Integer.toString(SESSION_TIMEOUT_MS));
        props.put("heartbeat.interval.ms", "1000");
        props.put("rebalance.timeout.ms", "20000");
        props.put("scheduled.rebalance.max.delay.ms", Integer.toString(REBALANCE_DELAY_MS));
        props.putAll(overrides);
        WorkerProcess worker = WorkerProcess.startDistributed(dir, props);
        workers.add(worker);
        worker.awaitReady(STARTUP);
        RestClient client = rest(worker);
        awaitCondition(STARTUP, "worker " + worker.restUrl() + " to join the group",
                () -> client.get("/connectors").status() == 200);
        return worker;
    }

    private static RestClient rest(WorkerProcess worker) {
        return new RestClient(worker.restUrl());
    }

    private static String workerId(WorkerProcess worker) {
        return worker.restUrl().getHost() + ":" + worker.restUrl().getPort();
    }

    private String topic(String purpose) {
        return "e2e-" + id + "-" + purpose;
    }

    private static String createBody(String name, Map<String, String> config) {
        try {
            return JSON.writeValueAsString(Map.of("name", name, "config", config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> fileSource(Path input, String topic) {
        return Map.of("connector.class", "FileStreamSource", "tasks.max", "1", "file", input.toString(),
                "topic", topic);
    }

    private static Map<String, String> fileSink(Path output, String topic) {
        return Map.of("connector.class", "FileStreamSink", "tasks.max", "1", "file", output.toString(),
                "topics", topic);
    }

    private static List<String> listed(RestClient rest) {
        RestClient.Response answer = rest.get("/connectors");
        if (answer.status() != 200) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        answer.json().forEach(name -> names.add(name.asText()));
        return names;
    }

    private static JsonNode status(RestClient rest, String connector) {
        RestClient.Response answer = rest.get("/connectors/" + connector + "/status");
        return answer.status() == 200 ? answer.json() : null;
    }

    private static String connectorState(RestClient rest, String connector) {
        JsonNode status = status(rest, connector);
        return status == null ? null : status.get("connector").get("state").asText();
    }

    private static String taskState(RestClient rest, String connector) {
        JsonNode status = status(rest, connector);
        return status == null || status.get("tasks").isEmpty() ? null
                : status.get("tasks").get(0).get("state").asText();
    }

    private static String taskWorker(RestClient rest, String connector) {
        JsonNode status = status(rest, connector);
        return status == null || status.get("tasks").isEmpty() ? null
                : status.get("tasks").get(0).get("worker_id").asText();
    }

    private static String awaitTaskWorker(RestClient rest, String connector) {
        String[] owner = new String[1];
        awaitCondition(DATA, "task " + connector + "-0 to run", () -> "RUNNING".equals(taskState(rest, connector))
                && (owner[0] = taskWorker(rest, connector)) != null);
        return owner[0];
    }

    private static long sourcePosition(RestClient rest, String connector) {
        JsonNode offsets = rest.get("/connectors/" + connector + "/offsets").json().get("offsets");
        return offsets == null || offsets.isEmpty() ? 0 : offsets.get(0).get("offset").get("position").asLong();
    }

    private static int countOccurrences(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle) + "\\b").matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static Path writeLines(Path file, int first, int count) throws IOException {
        String lines = IntStream.range(first, first + count)
                .mapToObj(i -> "line " + i + " of the input, with some text to carry")
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return file;
    }

    private static long countLines(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> stream = Files.lines(file)) {
            return stream.count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static long distinctLines(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> stream = Files.lines(file)) {
            return stream.distinct().count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
