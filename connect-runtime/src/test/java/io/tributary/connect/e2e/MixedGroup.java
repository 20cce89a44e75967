package io.tributary.connect.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connect.testkit.KafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.tributary.connect.e2e.WorkerProcess.awaitCondition;

/**
 * One Connect group on one broker whose workers are real processes of either runtime: Apache Kafka Connect
 * 4.1.1 (tools/apache-connect/run.sh) or Tributary (bin/connect-distributed.sh), with the same group.id and
 * internal topics. Short session and rebalance delays, so that a departed worker's work moves in seconds; a
 * small heap per worker, so that several fit beside the broker on a small machine.
 */
final class MixedGroup implements AutoCloseable {

    static final Duration STARTUP = Duration.ofSeconds(120);
    static final Duration SETTLE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Both runtimes log each generation they join with the leader's URL (Apache quotes it, we do not). */
    private static final Pattern JOINED = Pattern.compile(
            "Joined group (?:at )?generation (\\d+) .*?error=(\\d+), leader='?[^,]*'?, leaderUrl='?([^',]+)'?,");

    private static final Pattern PROTOCOL = Pattern.compile(
            "Joined group (?:at )?generation \\d+ (?:as \\S+ )?with protocol (?:version )?(\\w+)");

    enum Runtime { APACHE, TRIBUTARY }

    /** A running worker of the group. */
    record Worker(Runtime runtime, WorkerProcess process, RestClient rest, int number) {

        /** The worker id Kafka Connect puts in statuses: the advertised host:port. */
        String id() {
            return process.restUrl().getHost() + ":" + process.restUrl().getPort();
        }

        /** The URL the worker advertises to the group, as both runtimes write it into assignments. */
        String url() {
            return process.restUrl() + "/";
        }

        @Override
        public String toString() {
            return (runtime == Runtime.APACHE ? "apache-" : "tributary-") + number + "@" + id();
        }
    }

    private final KafkaBroker broker;
    private final Path dir;
    private final String groupId;
    private final Map<String, String> overrides;
    private final List<Worker> live = new ArrayList<>();
    private final List<Worker> everyWorker = new ArrayList<>();

    MixedGroup(KafkaBroker broker, Path dir, String groupId, Map<String, String> overrides) {
        this.broker = broker;
        this.dir = dir;
        this.groupId = groupId;
        this.overrides = overrides;
    }

    String groupId() {
        return groupId;
    }

    /** Starts a worker of the given runtime without waiting for it. */
    Worker start(Runtime runtime) {
        int number = everyWorker.size() + 1;
        Path home;
        try {
            home = Files.createDirectories(dir.resolve(runtime.name().toLowerCase() + "-" + number));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = Map.of("KAFKA_HEAP_OPTS", "-Xms64m -Xmx256m");
        WorkerProcess process = runtime == Runtime.APACHE
                ? WorkerProcess.startApacheDistributed(home, workerProps(), env)
                : WorkerProcess.startDistributed(home, workerProps(), env);
        Worker worker = new Worker(runtime, process, new RestClient(process.restUrl()), number);
        live.add(worker);
        everyWorker.add(worker);
        return worker;
    }

    /** Starts the workers together (they start faster side by side) and waits until each answers. */
    List<Worker> startAll(Runtime... runtimes) {
        List<Worker> started = new ArrayList<>();
        for (Runtime runtime : runtimes) {
            started.add(start(runtime));
        }
        started.forEach(worker -> worker.process().awaitReady(STARTUP));
        return started;
    }

    Worker startReady(Runtime runtime) {
        Worker worker = start(runtime);
        worker.process().awaitReady(STARTUP);
        return worker;
    }

    /** Stops a worker gracefully (it leaves the group) and waits for its process to end. */
    void stop(Worker worker) {
        beginStop(worker);
        awaitStopped(worker);
    }

    /** Sends SIGTERM (the graceful shutdown) without waiting, so that a replacement may start meanwhile. */
    void beginStop(Worker worker) {
        worker.process().terminate();
        live.remove(worker);
    }

    void awaitStopped(Worker worker) {
        int exit = worker.process().awaitExit(Duration.ofSeconds(60));
        if (exit != 0 && exit != 143) {
            throw new AssertionError(worker + " exited with " + exit + ":\n" + worker.process().output());
        }
    }

    List<Worker> live() {
        return List.copyOf(live);
    }

    /** The highest generation any worker of this group (live or gone) joined, from their logs. */
    int highestGeneration() {
        return everyWorker.stream().flatMap(w -> joins(w).stream()).mapToInt(Join::generation).max().orElse(-1);
    }

    /** How many times any worker received an assignment with an error (config mismatch) from its leader. */
    int failedAssignments() {
        return (int) everyWorker.stream().flatMap(w -> joins(w).stream()).filter(j -> j.error() != 0).count();
    }

    /**
     * The Connect protocols every worker (live or gone) joined with, by name: Apache logs the version number,
     * Tributary the name. With {@code sessioned} alone, the workers signed every request they sent each other.
     */
    Set<String> protocols() {
        Set<String> protocols = new TreeSet<>();
        for (Worker worker : everyWorker) {
            Matcher matcher = PROTOCOL.matcher(worker.process().output());
            while (matcher.find()) {
                String protocol = matcher.group(1);
                protocols.add(switch (protocol) {
                    case "0" -> "default";
                    case "1" -> "compatible";
                    case "2" -> "sessioned";
                    default -> protocol;
                });
            }
        }
        return protocols;
    }

    /** The URL of the leader of the newest generation a live worker joined, or null before any join. */
    String leaderUrl() {
        Join newest = null;
        for (Worker worker : live) {
            for (Join join : joins(worker)) {
                if (newest == null || join.generation() > newest.generation()) {
                    newest = join;
                }
            }
        }
        return newest == null ? null : newest.leaderUrl();
    }

    /** The live worker leading the newest generation; null if that leader is gone. */
    Worker leader() {
        String url = leaderUrl();
        return live.stream().filter(w -> w.url().equals(url)).findFirst().orElse(null);
    }

    /** Waits until every live worker joined the same newest generation and its leader is one of them. */
    Worker awaitLeader() {
        awaitCondition(SETTLE, "the live workers " + live + " to agree on a leader", () -> {
            if (leader() == null) {
                return false;
            }
            Set<Integer> newest = new TreeSet<>();
            for (Worker worker : live) {
                List<Join> joins = joins(worker);
                newest.add(joins.isEmpty() ? -1 : joins.get(joins.size() - 1).generation());
            }
            return newest.size() == 1;
        });
        return leader();
    }

    private record Join(int generation, int error, String leaderUrl) {
    }

    private static List<Join> joins(Worker worker) {
        List<Join> joins = new ArrayList<>();
        Matcher matcher = JOINED.matcher(worker.process().output());
        while (matcher.find()) {
            joins.add(new Join(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    matcher.group(3)));
        }
        return joins;
    }

    /**
     * What each live worker answers to GET {@code path}, as status and JSON with object keys sorted: lists keep
     * their order, except the connector list, which Kafka Connect gives in hash order and Tributary sorted.
     */
    Map<Worker, String> answers(String path) {
        Map<Worker, String> answers = new LinkedHashMap<>();
        for (Worker worker : live) {
            answers.put(worker, canonical(path, worker.rest()));
        }
        return answers;
    }

    /** Null when every live worker gives the same answer to each path, else which paths differ and how. */
    String disagreement(List<String> paths) {
        List<String> differences = new ArrayList<>();
        for (String path : paths) {
            Map<Worker, String> answers = answers(path);
            if (answers.values().stream().distinct().count() > 1) {
                differences.add("GET " + path + ": " + answers);
            }
        }
        return differences.isEmpty() ? null : String.join("\n", differences);
    }

    private static String canonical(String path, RestClient rest) {
        RestClient.Response response;
        try {
            response = rest.get(path, Duration.ofSeconds(10));
        } catch (AssertionError e) {
            return "no answer: " + e.getMessage();
        }
        if (response.body() == null || response.body().isEmpty()) {
            return response.status() + " (empty)";
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            return response.status() + " " + response.body();
        }
        if (path.equals("/connectors") && json.isArray()) {
            List<String> names = new ArrayList<>();
            json.forEach(name -> names.add(name.asText()));
            names.sort(null);
            return response.status() + " " + names;
        }
        return response.status() + " " + sortedKeys(json);
    }

    private static String sortedKeys(JsonNode json) {
        try {
            return JSON.writeValueAsString(deepSorted(JSON.treeToValue(json, Object.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object deepSorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), deepSorted(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(MixedGroup::deepSorted).toList();
        }
        return value;
    }

    /** Worker properties shared by both runtimes: same group, same topics, short timeouts. */
    private Map<String, String> workerProps() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("group.id", groupId);
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("config.storage.topic", groupId + "-configs");
        props.put("offset.storage.topic", groupId + "-offsets");
        props.put("status.storage.topic", groupId + "-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.storage.partitions", "2");
        props.put("status.storage.partitions", "2");
        props.put("offset.flush.interval.ms", "500");
        props.put("session.timeout.ms", "10000");
        props.put("heartbeat.interval.ms", "1000");
        props.put("scheduled.rebalance.max.delay.ms", "2000");
        // Plugins from their ServiceLoader manifests only: Apache's worker starts in half the time.
        props.put("plugin.discovery", "service_load");
        props.putAll(overrides);
        return props;
    }

    /** Each live worker's id with its runtime, for messages. */
    String describe() {
        return live.stream().map(Worker::toString).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        for (Worker worker : new ArrayList<>(live)) {
            worker.process().close();
        }
        live.clear();
    }
}
