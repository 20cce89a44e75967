package io.tributary.connect.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connect.e2e.MixedGroup.Runtime;
import io.tributary.connect.e2e.MixedGroup.Worker;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.tributary.connect.e2e.WorkerProcess.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apache Kafka Connect 4.1.1 workers and Tributary workers as one cluster: the same group.id and internal
 * topics on one broker, real processes of both. First a Tributary worker leads two Apache workers and another
 * Tributary worker; then the Tributary leader leaves, until an Apache worker leads the others.
 * Under each leader, connectors are created, changed, paused, resumed, stopped, restarted and deleted through
 * every worker in turn, and every worker must give the same answers about them.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MixedClusterIT {

    /** More generations than this in the whole test would mean the group spins instead of settling. */
    private static final int GENERATION_BUDGET = 80;

    @TempDir
    Path dir;

    private MixedGroup group;

    @AfterEach
    void stopWorkers() {
        if (group != null) {
            group.close();
        }
    }

    @Test
    void workersOfBothRuntimesServeOneClusterWhicheverRuntimeLeads(KafkaBroker broker) throws IOException {
        group = new MixedGroup(broker, dir, "mixed-" + UUID.randomUUID().toString().substring(0, 8), Map.of());
        // The group's first member leads it.
        Worker first = group.startReady(Runtime.TRIBUTARY);
        assertThat(group.awaitLeader()).isEqualTo(first);
        group.startAll(Runtime.APACHE, Runtime.TRIBUTARY, Runtime.APACHE);
        assertThat(group.awaitLeader()).as("leader of %s", group.describe()).isEqualTo(first);

        long started = System.nanoTime();
        exercise(broker, "under-tributary");
        System.out.printf("Exercised the cluster under a Tributary leader in %d s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());

        // Tributary's leader leaves; the coordinator picks the next leader among the members. Until it is an
        // Apache worker, the Tributary leader leaves too, and a new Tributary worker joins as a member.
        group.stop(first);
        Worker leader = group.awaitLeader();
        if (leader.runtime() == Runtime.TRIBUTARY) {
            group.stop(leader);
            assertThat(group.awaitLeader().runtime()).isEqualTo(Runtime.APACHE);
            group.startReady(Runtime.TRIBUTARY);
        }
        Worker apacheLeader = group.awaitLeader();
        assertThat(apacheLeader.runtime()).as("leader of %s", group.describe()).isEqualTo(Runtime.APACHE);

        started = System.nanoTime();
        exercise(broker, "under-apache");
        System.out.printf("Exercised the cluster under an Apache leader in %d s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        assertThat(group.leader()).isEqualTo(apacheLeader);

        assertThat(group.protocols()).as("protocols the workers joined with").containsExactly("sessioned");
        assertThat(group.highestGeneration()).as("generations of the group").isLessThan(GENERATION_BUDGET);
        assertThat(group.failedAssignments()).as("assignments failed for a config mismatch").isLessThan(5);
    }

    /**
     * Two file sources and two file sinks, each created through another worker, so that every worker runs a
     * connector and those that do not lead hand their task configs to the leader.
     */
    private void exercise(KafkaBroker broker, String prefix) throws IOException {
        List<Worker> workers = group.live();
        assertThat(workers).extracting(Worker::runtime).contains(Runtime.APACHE, Runtime.TRIBUTARY);
        String topic = prefix + "-lines";
        broker.createTopic(topic, 3);
        Map<String, Path> inputs = new LinkedHashMap<>();
        Map<String, Path> outputs = new LinkedHashMap<>();
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        for (String name : List.of("source-a", "source-b")) {
            Path input = dir.resolve(prefix + "-" + name + ".txt");
            Files.writeString(input, lines(name, 1, 10), StandardCharsets.UTF_8);
            inputs.put(prefix + "-" + name, input);
            configs.put(prefix + "-" + name, new LinkedHashMap<>(Map.of(
                    "connector.class", "FileStreamSource", "tasks.max", "1",
                    "file", input.toString(), "topic", topic)));
        }
        for (String name : List.of("sink-a", "sink-b")) {
            Path output = dir.resolve(prefix + "-" + name + ".txt");
            outputs.put(prefix + "-" + name, output);
            configs.put(prefix + "-" + name, new LinkedHashMap<>(Map.of(
                    "connector.class", "FileStreamSink", "tasks.max", "2",
                    "file", output.toString(), "topics", topic)));
        }
        List<String> connectors = new ArrayList<>(configs.keySet());
        for (int i = 0; i < connectors.size(); i++) {
            RestClient via = workers.get(i % workers.size()).rest();
            String connector = connectors.get(i);
            String body = "{\"name\":\"" + connector + "\",\"config\":" + json(configs.get(connector)) + "}";
            expect(() -> via.post("/connectors", body), 201);
        }
        awaitRunning(connectors, Map.of(connectors.get(0), 1, connectors.get(1), 1, connectors.get(2), 2,
                connectors.get(3), 2));
        for (Path output : outputs.values()) {
            awaitCondition(MixedGroup.SETTLE, "both sources' lines in " + output, () -> lineCount(output) >= 20);
        }
        awaitAgreement(connectors);

        // Balanced, four connectors leave none of (up to) four workers without one.
        Map<Worker, Long> connectorsPerWorker = connectors.stream()
                .map(c -> status(workers.get(0), c).path("connector").path("worker_id").asText())
                .collect(Collectors.groupingBy(id -> workerById(id), Collectors.counting()));
        assertThat(connectorsPerWorker).as("connectors per worker of %s", group.describe())
                .containsOnlyKeys(workers);
        Set<Runtime> taskRuntimes = new HashSet<>();
        for (String connector : connectors) {
            status(workers.get(0), connector).path("tasks")
                    .forEach(task -> taskRuntimes.add(workerById(task.path("worker_id").asText()).runtime()));
        }
        assertThat(taskRuntimes).as("runtimes running tasks").containsExactlyInAnyOrder(Runtime.values());

        // Changed through a worker that does not run the connector: its owner generates new task configs and,
        // unless it leads, hands them to the leader.
        for (int i = 0; i < connectors.size(); i++) {
            String connector = connectors.get(i);
            Map<String, String> config = configs.get(connector);
            if (connector.contains("sink")) {
                config.put("tasks.max", "3");
            } else {
                config.put("batch.size", "7");
            }
            RestClient via = workers.get((i + 1) % workers.size()).rest();
            expect(() -> via.put("/connectors/" + connector + "/config", json(config)), 200);
        }
        for (String connector : connectors) {
            awaitCondition(MixedGroup.SETTLE, "new task configs of " + connector + " everywhere",
                    () -> workers.stream().allMatch(w -> tasksReflect(w, connector, configs.get(connector))));
        }
        awaitRunning(connectors, Map.of(connectors.get(0), 1, connectors.get(1), 1, connectors.get(2), 3,
                connectors.get(3), 3));
        awaitAgreement(connectors);

        Worker apache = first(workers, Runtime.APACHE);
        Worker tributary = first(workers, Runtime.TRIBUTARY);
        String source = connectors.get(0);
        String sink = connectors.get(2);
        expect(() -> apache.rest().put("/connectors/" + source + "/pause", null), 202);
        awaitStates(source, "PAUSED", 1, "PAUSED");
        expect(() -> tributary.rest().put("/connectors/" + source + "/resume", null), 202);
        awaitStates(source, "RUNNING", 1, "RUNNING");
        expect(() -> tributary.rest().put("/connectors/" + sink + "/pause", null), 202);
        awaitStates(sink, "PAUSED", 3, "PAUSED");
        expect(() -> apache.rest().put("/connectors/" + sink + "/resume", null), 202);
        awaitStates(sink, "RUNNING", 3, "RUNNING");

        expect(() -> tributary.rest().put("/connectors/" + sink + "/stop", null), 204);
        awaitStates(sink, "STOPPED", 0, null);
        expect(() -> apache.rest().put("/connectors/" + source + "/stop", null), 204);
        awaitStates(source, "STOPPED", 0, null);
        awaitAgreement(List.of(source, sink));
        expect(() -> apache.rest().put("/connectors/" + sink + "/resume", null), 202);
        expect(() -> tributary.rest().put("/connectors/" + source + "/resume", null), 202);
        awaitRunning(List.of(source, sink), Map.of(source, 1, sink, 3));

        // Restarts through every worker, of connectors and tasks that mostly run elsewhere: a plain restart, one
        // with the tasks, and one of a single task. Kafka Connect sends each on to the leader, and the leader to the
        // worker running the instance.
        for (int i = 0; i < workers.size(); i++) {
            RestClient via = workers.get(i).rest();
            String plain = connectors.get((i + 1) % connectors.size());
            String withTasks = connectors.get((i + 2) % connectors.size());
            String ofTask = connectors.get((i + 3) % connectors.size());
            expect(() -> via.post("/connectors/" + plain + "/restart", null), 204);
            expect(() -> via.post("/connectors/" + withTasks + "/restart?includeTasks=true", null), 202);
            expect(() -> via.post("/connectors/" + ofTask + "/tasks/0/restart", null), 204);
        }
        expect(() -> tributary.rest().post("/connectors/" + sink + "/restart?includeTasks=true&onlyFailed=true",
                null), 202);
        awaitRunning(connectors, Map.of(connectors.get(0), 1, connectors.get(1), 1, connectors.get(2), 3,
                connectors.get(3), 3));
        awaitAgreement(connectors);

        for (int i = 0; i < connectors.size(); i++) {
            RestClient via = workers.get((i + 2) % workers.size()).rest();
            String connector = connectors.get(i);
            expect(() -> via.delete("/connectors/" + connector), 204);
        }
        awaitCondition(MixedGroup.SETTLE, "every worker to list no connector of " + prefix, () -> workers.stream()
                .allMatch(w -> !w.rest().get("/connectors").body().contains(prefix)));
        for (String connector : connectors) {
            awaitCondition(MixedGroup.SETTLE, "no status of " + connector + " anywhere", () -> workers.stream()
                    .allMatch(w -> w.rest().get("/connectors/" + connector + "/status").status() == 404));
        }
    }

    private void awaitRunning(List<String> connectors, Map<String, Integer> taskCounts) {
        for (String connector : connectors) {
            awaitStates(connector, "RUNNING", taskCounts.get(connector), "RUNNING");
        }
    }

    /** Every worker reports the connector in {@code state} with {@code tasks} tasks, all in {@code taskState}. */
    private void awaitStates(String connector, String state, int tasks, String taskState) {
        StringBuilder last = new StringBuilder();
        try {
            awaitCondition(MixedGroup.SETTLE, connector + " " + state + " with " + tasks + " task(s) " + taskState
                    + " on every worker", () -> {
                last.setLength(0);
                boolean all = true;
                for (Worker worker : group.live()) {
                    JsonNode status = status(worker, connector);
                    last.append(worker).append(": ").append(status).append('\n');
                    boolean matches = state.equals(status.path("connector").path("state").asText())
                            && status.path("tasks").size() == tasks;
                    for (JsonNode task : status.path("tasks")) {
                        matches &= task.path("state").asText().equals(taskState);
                    }
                    all &= matches;
                }
                return all;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last statuses:\n" + last, e);
        }
    }

    /** Every worker gives the same answer about each connector (offsets, once written, too). */
    private void awaitAgreement(List<String> connectors) {
        List<String> paths = new ArrayList<>(List.of("/connectors", "/connectors?expand=info&expand=status"));
        for (String connector : connectors) {
            for (String suffix : List.of("", "/status", "/config", "/tasks", "/offsets", "/topics")) {
                paths.add("/connectors/" + connector + suffix);
            }
        }
        String[] last = new String[1];
        try {
            awaitCondition(MixedGroup.SETTLE, "every worker to give the same answers", () -> {
                last[0] = group.disagreement(paths);
                return last[0] == null;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ":\n" + last[0], e);
        }
    }

    private static boolean tasksReflect(Worker worker, String connector, Map<String, String> config) {
        JsonNode tasks = worker.rest().get("/connectors/" + connector + "/tasks").json();
        if (tasks == null || !tasks.isArray() || tasks.size() != (connector.contains("sink")
                ? Integer.parseInt(config.get("tasks.max")) : 1)) {
            return false;
        }
        for (JsonNode task : tasks) {
            for (Map.Entry<String, String> entry : config.entrySet()) {
                if (!entry.getValue().equals(task.path("config").path(entry.getKey()).asText(null))) {
                    return false;
                }
            }
        }
        return true;
    }

    private Worker workerById(String id) {
        return group.live().stream().filter(w -> w.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no live worker " + id + " among " + group.describe()));
    }

    private static Worker first(List<Worker> workers, Runtime runtime) {
        return workers.stream().filter(w -> w.runtime() == runtime).findFirst().orElseThrow();
    }

    private static JsonNode status(Worker worker, String connector) {
        return worker.rest().get("/connectors/" + connector + "/status").json();
    }

    /**
     * Sends the request until it is answered with {@code status}, as a client would: a 409 means the cluster is
     * rebalancing (Kafka Connect answers so while a rebalance is due), and is retried; anything else must match.
     */
    private static void expect(Supplier<RestClient.Response> request, int status) {
        RestClient.Response[] last = new RestClient.Response[1];
        try {
            awaitCondition(MixedGroup.SETTLE, "an answer other than 409", () -> {
                last[0] = request.get();
                return last[0].status() != 409;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last answer " + last[0].body(), e);
        }
        assertThat(last[0].status()).as("answer %s", last[0].body()).isEqualTo(status);
    }

    private static String lines(String prefix, int first, int count) {
        return IntStream.range(first, first + count).mapToObj(i -> prefix + "-" + i)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static long lineCount(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String json(Map<String, String> config) {
        return config.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
