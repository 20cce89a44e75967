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

    /**
     * MBean types that must be there on Apache's side, so the comparison covers them. Every type either side
     * registers is compared: names, keys, attributes and value types must be exactly Apache's.
     */
    private static final Set<String> COMPARED = Set.of(
            "app-info",
            "connector-task-metrics",
            "source-task-metrics",
            "sink-task-metrics",
            "task-error-metrics",
            "connector-transform-metrics",
            "connector-predicate-metrics",
            "connect-worker-metrics",
            "connect-worker-rebalance-metrics",
            "connector-metrics",
            "connect-coordinator-metrics",
            "connect-metrics",
            "connect-node-metrics",
            "kafka-metrics-count");

    /**
     * Attributes whose values Apache gives as objects of its own classes, which a remote JMX client cannot load
     * ("Unavailable" in JConsole); Tributary gives the same text as a String (Apache's toString), readable anywhere.
     */
    private static final Set<String> DELIBERATE_TYPES = Set.of("connector-type");

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
        // Let both settle to the same picture before comparing.
        Map<String, String> differences = new TreeMap<>();
        try {
            awaitCondition(SETTLE, "Tributary's MBeans to match Apache's", () -> {
                differences.clear();
                differences.putAll(differences(apache.mbeans(), tributary.mbeans()));
                return differences.isEmpty();
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
        System.out.println("MBean differences:\n" + report(differences));
        assertThat(differences)
                .as("MBean types that must be Apache's")
                .isEmpty();

        assertThat(apache.mbeans().keySet().stream().map(MetricsDifferentialIT::typeOf))
                .as("the types compared are there to compare").containsAll(COMPARED);

        // Apache's values are the expectation; the literals only make sure the comparison means something.
        assertSame(apache, tributary, "connect-worker-metrics", "", "connector-count", 2.0);
        assertSame(apache, tributary, "connect-worker-metrics", "", "task-count", 2.0);
        assertSame(apache, tributary, "connect-worker-metrics", "", "connector-startup-success-total", 2.0);
        // Apache 4.1.1 reports 0.0 here although both tasks started: Tributary counts the starts, as described.
        assertThat(tributary.value("connect-worker-metrics", "", "task-startup-success-total")).isEqualTo(2.0);
        assertSame(apache, tributary, "connect-worker-metrics", "", "connector-startup-failure-total", 0.0);
        for (String kind : List.of("source", "sink")) {
            assertSame(apache, tributary, "connect-worker-metrics", kind, "connector-running-task-count", 1L);
            assertSame(apache, tributary, "connect-worker-metrics", kind, "connector-total-task-count", 1L);
            assertSame(apache, tributary, "connect-worker-metrics", kind, "connector-failed-task-count", 0L);
            assertSame(apache, tributary, "connector-metrics", kind, "status", "running");
            assertThat(tributary.value("connector-metrics", tributary.keys(kind), "connector-type")).isEqualTo(kind);
        }
        assertSame(apache, tributary, "connect-worker-rebalance-metrics", "", "connect-protocol", "SESSIONED");
        assertSame(apache, tributary, "connect-worker-rebalance-metrics", "", "rebalancing", 0.0);
        assertSame(apache, tributary, "connect-coordinator-metrics", "coordinator", "assigned-connectors", 2.0);
        assertSame(apache, tributary, "connect-coordinator-metrics", "coordinator", "assigned-tasks", 2.0);
        for (Side side : List.of(apache, tributary)) {
            assertThat(side.value("connector-metrics", ",connector=" + side.source, "connector-class"))
                    .isEqualTo("org.apache.kafka.connect.file.FileStreamSourceConnector");
            assertThat(side.value("connector-metrics", ",connector=" + side.sink, "connector-class"))
                    .isEqualTo("org.apache.kafka.connect.file.FileStreamSinkConnector");
            assertThat(side.value("connect-worker-rebalance-metrics", "", "leader-name")).as(side.label)
                    .isEqualTo(side.workerUrl());
        }
    }

    /**
     * The attribute has the same value (and type) on both sides, and Apache's is {@code expected}. {@code which}
     * picks the MBean: "" the worker's, "source"/"sink" that connector's, "coordinator" the group client's.
     */
    private static void assertSame(Side apache, Side tributary, String type, String which, String attribute,
                                   Object expected) {
        Object reference = apache.value(type, apache.keys(which), attribute);
        assertThat(reference).as("Apache's " + type + " " + which + " " + attribute).isEqualTo(expected);
        assertThat(tributary.value(type, tributary.keys(which), attribute))
                .as("Tributary's " + type + " " + which + " " + attribute).isEqualTo(reference);
    }

    /**
     * Per MBean type, what one side has and the other has not: normalized names, attribute names, and the Java
     * types of the attributes' values (a JMX client sees a Long and a Double differently).
     */
    static Map<String, String> differences(Map<String, Map<String, String>> apache,
                                           Map<String, Map<String, String>> tributary) {
        Map<String, List<String>> byType = new TreeMap<>();
        Set<String> names = new TreeSet<>(apache.keySet());
        names.addAll(tributary.keySet());
        for (String name : names) {
            String type = typeOf(name);
            Map<String, String> expected = apache.get(name);
            Map<String, String> actual = tributary.get(name);
            List<String> lines = byType.computeIfAbsent(type, t -> new ArrayList<>());
            if (expected == null) {
                lines.add("only Tributary: " + name);
            } else if (actual == null) {
                lines.add("only Apache: " + name + " " + expected.keySet());
            } else if (!expected.keySet().equals(actual.keySet())) {
                Set<String> missing = new TreeSet<>(expected.keySet());
                missing.removeAll(actual.keySet());
                Set<String> extra = new TreeSet<>(actual.keySet());
                extra.removeAll(expected.keySet());
                lines.add(name + " attributes missing " + missing + ", extra " + extra);
            } else {
                expected.forEach((attribute, valueType) -> {
                    // A value that is null on one side only (e.g. no version yet) says nothing about its type.
                    String other = actual.get(attribute);
                    boolean deliberate = valueType.equals("unreadable") && DELIBERATE_TYPES.contains(attribute);
                    if (!valueType.equals(other) && !valueType.equals("null") && !"null".equals(other) && !deliberate) {
                        lines.add(name + " " + attribute + " is a " + other + ", Apache's a " + valueType);
                    }
                });
            }
            if (lines.isEmpty()) {
                byType.remove(type);
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
        differences.forEach((type, lines) -> out.append(type).append(":\n    ").append(lines).append('\n'));
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
            // One transformation behind a negated predicate, so both runtimes register their transform and
            // predicate groups; records are not tombstones, so every line gets the header and nothing else moves.
            Map<String, String> sourceConfig = new LinkedHashMap<>(Map.of(
                    "connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                    "tasks.max", "1", "file", input.toString(), "topic", topic));
            sourceConfig.putAll(Map.of("transforms", "stamp",
                    "transforms.stamp.type", "org.apache.kafka.connect.transforms.InsertHeader",
                    "transforms.stamp.header", "origin", "transforms.stamp.value.literal", "file",
                    "transforms.stamp.predicate", "tombstone", "transforms.stamp.negate", "true",
                    "predicates", "tombstone",
                    "predicates.tombstone.type", "org.apache.kafka.connect.transforms.predicates.RecordIsTombstone"));
            create(source, sourceConfig);
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

        /** Every kafka.connect MBean, by normalized name, with its attribute names and their values' types. */
        Map<String, Map<String, String>> mbeans() {
            try {
                MBeanServerConnection server = connection();
                Map<String, Map<String, String>> result = new HashMap<>();
                for (ObjectName name : server.queryNames(new ObjectName("kafka.connect:*"), null)) {
                    Map<String, String> attributes = new TreeMap<>();
                    for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                        attributes.put(attribute.getName(), valueType(server, name, attribute.getName()));
                    }
                    result.merge(normalize(name), attributes, (a, b) -> {
                        Map<String, String> union = new TreeMap<>(a);
                        union.putAll(b);
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

        /** The simple name of the value's class, "null", or "unreadable" when a remote client cannot load it. */
        private static String valueType(MBeanServerConnection server, ObjectName name, String attribute)
                throws Exception {
            try {
                Object value = server.getAttribute(name, attribute);
                return value == null ? "null" : value.getClass().getSimpleName();
            } catch (java.rmi.UnmarshalException e) {
                return "unreadable";
            }
        }

        /** The key properties after the type that pick an MBean; see {@link #assertSame}. */
        String keys(String which) {
            return switch (which) {
                case "" -> "";
                case "source" -> ",connector=" + source;
                case "sink" -> ",connector=" + sink;
                case "coordinator" -> ",client-id=" + ObjectName.quote("connect-" + process.restUrl().getHost() + ":"
                        + process.restUrl().getPort());
                default -> throw new IllegalArgumentException(which);
            };
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
