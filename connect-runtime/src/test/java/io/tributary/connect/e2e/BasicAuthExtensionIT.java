package io.tributary.connect.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
import java.util.stream.Stream;

import static io.tributary.connect.e2e.WorkerProcess.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apache's own basic-auth REST extension (connect-basic-auth-extension 4.1.1, unchanged) on real worker processes,
 * set up as a user would: {@code rest.extension.classes}, a JAAS file given with
 * {@code -Djava.security.auth.login.config} in KAFKA_OPTS, and a properties file of users. JAAS configuration is
 * global to a JVM, which is why every worker here is a process of its own.
 */
@ExtendWith(KafkaBrokerExtension.class)
class BasicAuthExtensionIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String BASIC_AUTH = "org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension";

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
        workers.forEach(WorkerProcess::close);
    }

    @Test
    void theExtensionShippedOnTheClassPathRefusesMissingOrWrongCredentialsAndAcceptsRightOnes() throws IOException {
        WorkerProcess worker = startStandalone(Map.of(), Map.of());

        assertAuthenticates(new RestClient(worker.restUrl()));
        assertThat(worker.output()).contains("Loaded REST extension " + BASIC_AUTH + " version 4.1.1 from classpath");
    }

    @Test
    void apachesJarAloneInPluginPathAuthenticatesWithItsOwnLoginModule() throws IOException {
        Path plugins = dir.resolve("plugins");
        Path pluginDir = Files.createDirectories(plugins.resolve("basic-auth"));
        Files.copy(Path.of(System.getProperty("reference.dir"), "connect-basic-auth-extension.jar"),
                pluginDir.resolve("connect-basic-auth-extension-4.1.1.jar"));
        Path libWithoutBasicAuth = classPathWithout("connect-basic-auth-extension-");

        WorkerProcess worker = startStandalone(Map.of("plugin.path", plugins.toString()), Map.of(
                "TRIBUTARY_LIB_DIR", libWithoutBasicAuth.toString(),
                "TRIBUTARY_RUNTIME_JAR_DIR", Path.of(System.getProperty("tributary.lib.dir")).getParent().toString()));

        assertAuthenticates(new RestClient(worker.restUrl()));
        assertThat(worker.output()).contains("Loaded REST extension " + BASIC_AUTH + " version 4.1.1 from "
                + pluginDir.toUri());
    }

    @Test
    void aClassThatIsNoRestExtensionStopsStartupNamingTheKey() throws IOException {
        Map<String, String> props = standaloneProps();
        props.put("rest.extension.classes", "org.apache.kafka.connect.json.JsonConverter");
        try (WorkerProcess worker = WorkerProcess.startStandalone(dir, props, List.of(), jaasEnvironment())) {
            assertThat(worker.awaitExit(STARTUP)).isEqualTo(2);
            assertThat(worker.output())
                    .contains("Invalid value org.apache.kafka.connect.json.JsonConverter for configuration "
                            + "rest.extension.classes")
                    .contains("does not implement org.apache.kafka.connect.rest.ConnectRestExtension")
                    .doesNotContain("\tat io.tributary");
        }
    }

    @Test
    void aClusterBehindBasicAuthForwardsClientWritesWithTheirCredentialsAndRunsTasksOnBothWorkers() throws IOException {
        WorkerProcess first = startDistributed();
        WorkerProcess second = startDistributed();
        RestClient one = new RestClient(first.restUrl()).withBasicAuth("alice", "alice-secret");
        RestClient two = new RestClient(second.restUrl()).withBasicAuth("alice", "alice-secret");
        assertThat(new RestClient(first.restUrl()).get("/connectors").status()).isEqualTo(401);

        // Whichever worker follows forwards half of these writes to the leader, with the client's credentials.
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = "auth-" + id + "-" + i;
            names.add(name);
            RestClient through = i % 2 == 0 ? one : two;
            RestClient.Response created = through.post("/connectors", "{\"name\":\"" + name + "\",\"config\":"
                    + sourceConfig(name) + "}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }

        Set<String> connectorWorkers = new HashSet<>();
        for (String name : names) {
            awaitCondition(STARTUP, name + "'s task to run", () -> {
                JsonNode status = one.get("/connectors/" + name + "/status").json();
                return status != null && status.path("tasks").size() == 1
                        && status.path("tasks").get(0).path("state").asText().equals("RUNNING");
            });
            connectorWorkers.add(one.get("/connectors/" + name + "/status").json().get("connector").get("worker_id").asText());
        }
        // Connectors on the follower had their task configs accepted by the leader: an internal request the
        // extension lets through without credentials.
        assertThat(connectorWorkers).hasSize(2);
    }

    private void assertAuthenticates(RestClient anonymous) {
        assertThat(anonymous.get("/connectors").status()).isEqualTo(401);
        assertThat(anonymous.withBasicAuth("alice", "wrong").get("/connectors").status()).isEqualTo(401);
        assertThat(anonymous.withBasicAuth("mallory", "alice-secret").get("/connectors").status()).isEqualTo(401);
        assertThat(anonymous.withAuthorization("Bearer alice-secret").get("/connectors").status()).isEqualTo(401);
        RestClient.Response answer = anonymous.withBasicAuth("alice", "alice-secret").get("/connectors");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().isArray()).isTrue();
        assertThat(anonymous.withBasicAuth("bob", "bob-secret").get("/connector-plugins").status()).isEqualTo(200);
    }

    private WorkerProcess startStandalone(Map<String, String> extraProps, Map<String, String> extraEnv) throws IOException {
        Map<String, String> props = standaloneProps();
        props.putAll(extraProps);
        Map<String, String> env = new LinkedHashMap<>(jaasEnvironment());
        env.putAll(extraEnv);
        WorkerProcess worker = WorkerProcess.startStandalone(dir, props, List.of(), env);
        workers.add(worker);
        worker.awaitReady(STARTUP, new RestClient(worker.restUrl()).withBasicAuth("alice", "alice-secret"));
        return worker;
    }

    private Map<String, String> standaloneProps() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        props.put("rest.extension.classes", BASIC_AUTH);
        return props;
    }

    private WorkerProcess startDistributed() throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("group.id", "auth-" + id);
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("config.storage.topic", "auth-" + id + "-configs");
        props.put("offset.storage.topic", "auth-" + id + "-offsets");
        props.put("status.storage.topic", "auth-" + id + "-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.storage.partitions", "2");
        props.put("status.storage.partitions", "2");
        props.put("session.timeout.ms", "6000");
        props.put("heartbeat.interval.ms", "1000");
        props.put("scheduled.rebalance.max.delay.ms", "1000");
        props.put("rest.extension.classes", BASIC_AUTH);
        WorkerProcess worker = WorkerProcess.startDistributed(dir, props, jaasEnvironment());
        workers.add(worker);
        RestClient client = new RestClient(worker.restUrl()).withBasicAuth("alice", "alice-secret");
        worker.awaitReady(STARTUP, client);
        awaitCondition(STARTUP, "worker " + worker.restUrl() + " to join the group",
                () -> client.get("/connectors").status() == 200);
        return worker;
    }

    /** KAFKA_OPTS naming a JAAS file whose KafkaConnect section reads users from a properties file. */
    private Map<String, String> jaasEnvironment() throws IOException {
        Path users = dir.resolve("connect-users.properties");
        if (!Files.exists(users)) {
            Files.writeString(users, "alice=alice-secret\nbob=bob-secret\n");
        }
        Path jaas = dir.resolve("connect-jaas.conf");
        Files.writeString(jaas, "KafkaConnect {\n"
                + "  org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule required\n"
                + "  file=\"" + users + "\";\n"
                + "};\n");
        return Map.of("KAFKA_OPTS", "-Djava.security.auth.login.config=" + jaas);
    }

    private String sourceConfig(String topic) throws IOException {
        Path input = Files.writeString(dir.resolve(topic + ".txt"), "a\nb\n");
        return "{\"connector.class\":\"FileStreamSource\",\"tasks.max\":\"1\",\"topic\":\"" + topic
                + "\",\"file\":\"" + input + "\"}";
    }

    /** A copy of the worker's lib directory (links) without the jars whose names start with {@code prefix}. */
    private Path classPathWithout(String prefix) throws IOException {
        Path original = Path.of(System.getProperty("tributary.lib.dir"));
        Path copy = Files.createDirectories(dir.resolve("lib-without-" + prefix));
        boolean removed = false;
        try (Stream<Path> jars = Files.list(original)) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                if (jar.getFileName().toString().startsWith(prefix)) {
                    removed = true;
                } else {
                    Files.createSymbolicLink(copy.resolve(jar.getFileName()), jar);
                }
            }
        }
        assertThat(removed).as(prefix + "* in " + original).isTrue();
        return copy;
    }
}
