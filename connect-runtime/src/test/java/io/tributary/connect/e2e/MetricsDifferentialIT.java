package io.tributary.connect.e2e;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.tributary.connect.e2e.WorkerProcess.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs Apache Kafka Connect 4.1.1 and Tributary as distributed workers on the same broker, each with a file
 * source and a file sink doing the same work, and compares their {@code kafka.connect} MBeans over remote
 * JMX: object names (keys and their values, with what naturally differs normalized away) and attribute names,
 * and the values that do not depend on timing.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MetricsDifferentialIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration SETTLE = Duration.ofSeconds(60);

    /** MBean types whose names, keys and attributes must be exactly Apache's. */
    private static final Set<String> COMPARED = Set.of(
            "app-info",
            "connect-worker-metrics",
            "connect-worker-rebalance-metrics",
            "connector-metrics",
            "connect-coordinator-metrics",
            "connect-metrics",
            "connect-node-metrics");

    /**
     * MBean types other work brings in line with Apache (task metrics, client metrics); each is removed from
     * here, and so compared, once it matches. Any type not in either set is compared too.
     */
    private static final Set<String> NOT_YET_COMPARED = Set.of(
            "connector-task-metrics",
            "source-task-metrics",
            "sink-task-metrics",
            "task-error-metrics",
            "connector-transform-metrics",
            "connector-predicate-metrics",
            "producer-metrics",
            "producer-node-metrics",
            "producer-topic-metrics",
            "consumer-metrics",
            "consumer-node-metrics",
            "consumer-fetch-manager-metrics",
            "consumer-coordinator-metrics",
            "kafka-metrics-count",
            "admin-client-metrics",
            "admin-client-node-metrics");

    @TempDir
    Path dir;

    private final List<WorkerProcess> workers = new ArrayList<>();

    private final List<Side> sides = new ArrayList<>();

    @AfterEach
    void stop() {
        sides.forEach(Side::disconnect);
        workers.forEach(WorkerProcess::close);
    }

    @Test
    void tributaryRegistersApachesWorkerAndConnectorMBeansWithTheSameAttributes(KafkaBroker broker) throws Exception {
        Side apache = start(broker, "apache");
        Side tributary = start(broker, "tributary");

        for (Side side : List.of(apache, tributary)) {
            side.awaitPipeline();
        }
        // Let both settle to the same picture before comparing the types under test; other types are reported.
        Map<String, String> differences = new TreeMap<>();
        try {
            awaitCondition(SETTLE, "Tributary's MBeans to match Apache's", () -> {
                differences.clear();
                differences.putAll(differences(apache.mbeans(), tributary.mbeans()));
                return differences.keySet().stream().noneMatch(type -> !NOT_YET_COMPARED.contains(type));
            });
        } catch (AssertionError timedOut) {
            // fall through to the assertion below, which names what differs
        }
        Path out = Files.createDirectories(Path.of("target", "metrics-differential"));
        Files.writeString(out.resolve("differences.txt"), report(differences));
        for (Side side : List.of(apache, tributary)) {
            Files.writeString(out.resolve(side.label + "-mbeans.txt"), new TreeMap<>(side.mbeans()).entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n")));
        }
        System.out.println("MBean differences (types not yet compared included):\n" + report(differences));
        assertThat(differences.keySet().stream().filter(type -> !NOT_YET_COMPARED.contains(type))
                .collect(Collectors.toMap(t -> t, differences::get)))
                .as("MBean types that must be Apache's")
                .isEmpty();

        for (Side side : List.of(apache, tributary)) {
            assertThat(side.value("connect-worker-metrics", "", "connector-count")).as(side.label).isEqualTo(2.0);
            assertThat(side.value("connect-worker-metrics", "", "task-count")).as(side.label).isEqualTo(2.0);
            for (String connector : List.of(side.source, side.sink)) {
                String key = ",connector=" + connector;
                assertThat(side.value("connect-worker-metrics", key, "connector-running-task-count"))
                        .as(side.label + " " + connector).isEqualTo(1.0);
                assertThat(side.value("connect-worker-metrics", key, "connector-total-task-count"))
                        .as(side.label + " " + connector).isEqualTo(1.0);
                assertThat(side.value("connector-metrics", key, "status")).as(side.label).isEqualTo("running");
            }
            assertThat(side.value("connector-metrics", ",connector=" + side.source, "connector-type")).isEqualTo("source");
            assertThat(side.value("connector-metrics", ",connector=" + side.sink, "connector-type")).isEqualTo("sink");
            assertThat(side.value("connector-metrics", ",connector=" + side.source, "connector-class"))
                    .isEqualTo("org.apache.kafka.connect.file.FileStreamSourceConnector");
            assertThat(side.value("connector-metrics", ",connector=" + side.sink, "connector-class"))
                    .isEqualTo("org.apache.kafka.connect.file.FileStreamSinkConnector");
            assertThat(side.value("connect-worker-rebalance-metrics", "", "connect-protocol")).isEqualTo("sessioned");
            assertThat(side.value("connect-worker-rebalance-metrics", "", "rebalancing")).isEqualTo(false);
            assertThat(side.value("connect-worker-rebalance-metrics", "", "leader-name")).isEqualTo(side.workerUrl());
        }
    }

    /** Per MBean type, what one side has and the other has not (normalized names and attribute names). */
    static Map<String, String> differences(Map<String, Set<String>> apache, Map<String, Set<String>> tributary) {
        Map<String, List<String>> byType = new TreeMap<>();
        Set<String> names = new TreeSet<>(apache.keySet());
        names.addAll(tributary.keySet());
        for (String name : names) {
            String type = typeOf(name);
            Set<String> expected = apache.get(name);
            Set<String> actual = tributary.get(name);
            if (expected == null) {
                byType.computeIfAbsent(type, t -> new ArrayList<>()).add("only Tributary: " + name);
            } else if (actual == null) {
                byType.computeIfAbsent(type, t -> new ArrayList<>()).add("only Apache: " + name + " " + expected);
            } else if (!expected.equals(actual)) {
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(actual);
                Set<String> extra = new TreeSet<>(actual);
                extra.removeAll(expected);
                byType.computeIfAbsent(type, t -> new ArrayList<>())
                        .add(name + " attributes missing " + missing + ", extra " + extra);
            }
        }
        Map<String, String> result = new TreeMap<>();
        byType.forEach((type, lines) -> result.put(type, String.join("\n    ", lines)));
        return result;
    }

    private static String typeOf(String normalizedName) {
        int start = normalizedName.indexOf("type=") + 5;
        int end = normalizedName.indexOf(',', start);
        return normalizedName.substring(start, end < 0 ? normalizedName.length() : end);
    }

    private static String report(Map<String, String> differences) {
        StringBuilder out = new StringBuilder();
        differences.forEach((type, lines) -> out.append(NOT_YET_COMPARED.contains(type) ? "(not yet compared) " : "")
                .append(type).append(":\n    ").append(lines).append('\n'));
        return out.toString();
    }

    private Side start(KafkaBroker broker, String label) throws IOException {
        String id = label + "-" + UUID.randomUUID().toString().substring(0, 6);
        Path home = Files.createDirectories(dir.resolve(label));
        int jmxPort = WorkerProcess.freePort();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("group.id", "metrics-" + id);
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("config.storage.topic", id + "-configs");
        props.put("offset.storage.topic", id + "-offsets");
        props.put("status.storage.topic", id + "-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.storage.partitions", "1");
        props.put("status.storage.partitions", "1");
        props.put("offset.flush.interval.ms", "500");
        // Tributary's launcher takes JMX_PORT as Apache's kafka-run-class.sh does; the reference runner takes
        // the same JVM flags through KAFKA_OPTS.
        WorkerProcess process = label.equals("apache")
                ? WorkerProcess.startApacheDistributed(home, props, Map.of("KAFKA_OPTS",
                        "-Dcom.sun.management.jmxremote=true -Dcom.sun.management.jmxremote.authenticate=false"
                        + " -Dcom.sun.management.jmxremote.ssl=false -Dcom.sun.management.jmxremote.port=" + jmxPort
                        + " -Dcom.sun.management.jmxremote.rmi.port=" + jmxPort + " -Djava.rmi.server.hostname=localhost",
                        "KAFKA_HEAP_OPTS", "-Xms64m -Xmx384m"))
                : WorkerProcess.startDistributed(home, props, Map.of("JMX_PORT", Integer.toString(jmxPort),
                        "JMX_RMI_PORT", Integer.toString(jmxPort), "KAFKA_OPTS", "-Djava.rmi.server.hostname=localhost"));
        workers.add(process);
        process.awaitReady(STARTUP);
        String topic = id + "-lines";
        broker.createTopic(topic, 1);
        Side side = new Side(label, id, process, jmxPort, home, topic);
        sides.add(side);
        side.createConnectors();
        return side;
    }

    /** One worker under test: its connectors are named {@code <id>-source} and {@code <id>-sink}. */
    private static final class Side {
        final String label;
        final String id;
        final WorkerProcess process;
        final int jmxPort;
        final Path input;
        final Path output;
        final String topic;
        final String source;
        final String sink;
        final RestClient rest;
        private JMXConnector jmx;

        Side(String label, String id, WorkerProcess process, int jmxPort, Path home, String topic) {
            this.label = label;
            this.id = id;
            this.process = process;
            this.jmxPort = jmxPort;
            this.input = home.resolve("input.txt");
            this.output = home.resolve("output.txt");
            this.topic = topic;
            this.source = id + "-source";
            this.sink = id + "-sink";
            this.rest = new RestClient(process.restUrl());
        }

        String workerUrl() {
            return process.restUrl().toString() + "/";
        }

        void createConnectors() throws IOException {
            Files.writeString(input, "one\ntwo\nthree\n", StandardCharsets.UTF_8);
            create(source, Map.of("connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                    "tasks.max", "1", "file", input.toString(), "topic", topic));
            create(sink, Map.of("connector.class", "org.apache.kafka.connect.file.FileStreamSinkConnector",
                    "tasks.max", "1", "file", output.toString(), "topics", topic,
                    "errors.tolerance", "all", "errors.deadletterqueue.topic.name", id + "-dlq",
                    "errors.deadletterqueue.topic.replication.factor", "1"));
        }

        private void create(String name, Map<String, String> config) {
            String body = "{\"name\":\"" + name + "\",\"config\":{" + config.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                    .collect(Collectors.joining(",")) + "}}";
            RestClient.Response response = rest.post("/connectors", body);
            assertThat(response.status()).as(label + " created " + name + ": " + response.body()).isEqualTo(201);
        }

        void awaitPipeline() {
            awaitCondition(STARTUP, label + "'s sink to write every line", () -> {
                try {
                    return Files.exists(output) && Files.readAllLines(output).size() == 3;
                } catch (IOException e) {
                    return false;
                }
            });
            for (String name : List.of(source, sink)) {
                awaitCondition(STARTUP, label + "'s " + name + " and its task RUNNING", () -> {
                    var status = rest.get("/connectors/" + name + "/status").json();
                    return "RUNNING".equals(status.path("connector").path("state").asText())
                            && "RUNNING".equals(status.path("tasks").path(0).path("state").asText());
                });
            }
        }

        void disconnect() {
            try {
                if (jmx != null) {
                    jmx.close();
                }
            } catch (IOException e) {
                // the worker is stopping anyway
            }
        }

        private MBeanServerConnection connection() throws IOException {
            if (jmx == null) {
                jmx = JMXConnectorFactory.connect(new JMXServiceURL(
                        "service:jmx:rmi:///jndi/rmi://localhost:" + jmxPort + "/jmxrmi"));
            }
            return jmx.getMBeanServerConnection();
        }

        /** Every kafka.connect MBean, by normalized name, with its attribute names. */
        Map<String, Set<String>> mbeans() {
            try {
                MBeanServerConnection server = connection();
                Map<String, Set<String>> result = new HashMap<>();
                for (ObjectName name : server.queryNames(new ObjectName("kafka.connect:*"), null)) {
                    Set<String> attributes = new TreeSet<>();
                    for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                        attributes.add(attribute.getName());
                    }
                    result.merge(normalize(name), attributes, (a, b) -> {
                        Set<String> union = new TreeSet<>(a);
                        union.addAll(b);
                        return union;
                    });
                }
                return result;
            } catch (Exception e) {
                throw new AssertionError(label + ": could not read the MBeans", e);
            }
        }

        /** Keys sorted; this side's id, worker URL and host:port replaced; numbers in client and node ids too. */
        private String normalize(ObjectName name) {
            String worker = process.restUrl().getHost() + ":" + process.restUrl().getPort();
            TreeMap<String, String> keys = new TreeMap<>(name.getKeyPropertyList());
            StringBuilder out = new StringBuilder("type=").append(keys.remove("type"));
            keys.forEach((key, value) -> {
                String normalized = value.replace(id, "<id>").replace(worker, "<worker>")
                        .replace(workerUrl(), "<url>");
                if (key.equals("client-id") || key.equals("node-id") || key.equals("id")) {
                    normalized = normalized.replaceAll("\\d+", "N");
                }
                out.append(',').append(key).append('=').append(normalized);
            });
            return out.toString();
        }

        Object value(String type, String keys, String attribute) {
            try {
                return connection().getAttribute(new ObjectName("kafka.connect:type=" + type + keys), attribute);
            } catch (Exception e) {
                throw new AssertionError(label + ": no " + attribute + " on " + type + keys, e);
            }
        }
    }
}
