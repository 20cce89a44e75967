package io.tributary.connect.rest.distributed;

import static io.tributary.connect.rest.distributed.DistributedRestFixture.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connect.e2e.RestClient;
import io.tributary.connect.herder.ApacheSignatures;
import io.tributary.connect.herder.InternalRequestSignature;
import io.tributary.connect.storage.KafkaConfigBackingStore;
import io.tributary.connect.storage.KafkaLogSettings;
import io.tributary.connect.storage.SessionKey;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signed requests between workers (KIP-507) in a real two-worker cluster on the sessioned protocol: task configs
 * of a connector running on the follower reach the leader signed and are written, while POST
 * /connectors/{name}/tasks without a valid signature gets Kafka Connect's status and message from either worker.
 * The session key is read from the cluster's config topic, as a worker reads it.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedInternalRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVALID = "Internal request contained invalid signature.";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ApacheSignatures apache = new ApacheSignatures();
    private KafkaBroker broker;
    private TwoWorkerCluster cluster;
    private DistributedRestFixture fixture;
    private KafkaConfigBackingStore configTopic;
    /** A running connector whose task configs the tests post (a sink: its task restarts at once). */
    private String target;

    @BeforeAll
    void startCluster(KafkaBroker broker) throws IOException {
        this.broker = broker;
        cluster = TwoWorkerCluster.start(broker);
        fixture = new DistributedRestFixture(Files.createTempDirectory("signed"));
        configTopic = reader(cluster.groupId + "-configs");
        target = uniqueName("target");
        fixture.createRunning(cluster.leader(), target, fixture.sinkConfig(target));
    }

    @AfterAll
    void stopCluster() {
        configTopic.stop();
        cluster.close();
    }

    @Test
    void taskConfigsOfAConnectorOnTheFollowerReachTheLeaderSignedAndAreWritten() {
        String name = connectorOnTheFollower();
        String newTopic = uniqueName("moved");

        assertThat(cluster.leader().put("/connectors/" + name + "/config", fixture.sinkConfig(newTopic)).status())
                .isEqualTo(200);

        TwoWorkerCluster.await("the follower's new task configs to be written by the leader", () ->
                newTopic.equals(taskConfigs(name).get(0).get("topics").asText()));
    }

    @Test
    void unsignedTaskConfigsAreABadRequestOnEitherWorker() throws Exception {
        String marker = uniqueName("unsigned");
        for (RestClient worker : cluster.both()) {
            Answer answer = post(worker, target, body(marker), Map.of());

            assertThat(answer.status).isEqualTo(400);
            assertThat(answer.message()).isEqualTo("Internal request missing required signature");
        }
        assertThat(taskConfigs(target).get(0).path("marker").asText()).isNotEqualTo(marker);
    }

    @Test
    void taskConfigsSignedWithAnotherKeyAreForbiddenOnEitherWorker() throws Exception {
        String marker = uniqueName("forged");
        for (RestClient worker : cluster.both()) {
            byte[] body = body(marker);
            Answer answer = post(worker, target, body, InternalRequestSignature.headers(newKey(), "HmacSHA256", body));

            assertThat(answer.status).isEqualTo(403);
            assertThat(answer.message()).isEqualTo(INVALID);
        }
        assertThat(taskConfigs(target).get(0).path("marker").asText()).isNotEqualTo(marker);
    }

    @Test
    void aSignatureAlgorithmOutsideTheVerificationListIsABadRequest() throws Exception {
        byte[] body = body("sha1");
        Answer answer = post(cluster.leader(), target, body,
                InternalRequestSignature.headers(currentKey().key(), "HmacSHA1", body));

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.message()).isEqualTo("This worker does not support the 'HmacSHA1' key signing algorithm "
                + "used by other workers. This worker is currently configured to use: [HmacSHA256]. Check that all "
                + "workers' configuration files permit the same set of signature algorithms, and correct any "
                + "misconfigured worker and restart it.");
    }

    @Test
    void anUnknownAlgorithmOrASignatureThatIsNotBase64IsABadRequest() throws Exception {
        Answer unknown = post(cluster.leader(), target, body("x"), Map.of(
                InternalRequestSignature.ALGORITHM_HEADER, "HmacNoSuch", InternalRequestSignature.SIGNATURE_HEADER, "AAAA"));
        Answer mangled = post(cluster.leader(), target, body("x"), Map.of(
                InternalRequestSignature.ALGORITHM_HEADER, "HmacSHA256", InternalRequestSignature.SIGNATURE_HEADER, "a-b"));

        assertThat(unknown.status).isEqualTo(400);
        assertThat(unknown.message()).isEqualTo("Algorithm HmacNoSuch not available");
        assertThat(mangled.status).isEqualTo(400);
        assertThat(mangled.message()).isEqualTo("Illegal base64 character 2d");
    }

    @Test
    void taskConfigsSignedWithTheSessionKeyAreWrittenThroughEitherWorker() throws Exception {
        for (RestClient worker : cluster.both()) {
            String marker = uniqueName("signed");
            byte[] body = body(marker);
            Answer answer = post(worker, target, body,
                    InternalRequestSignature.headers(currentKey().key(), "HmacSHA256", body));

            assertThat(answer.status).as(answer.body).isEqualTo(204);
            assertThat(taskConfigs(target).get(0).get("marker").asText()).isEqualTo(marker);
        }
    }

    @Test
    void taskConfigsSentByApachesRestClientAreAcceptedWhenSignedWithTheSessionKey() throws Exception {
        String url = cluster.leaderWorker().rest().advertisedUrl().resolve("/connectors/" + target
                + "/tasks?forward=true").toString();
        String marker = uniqueName("apache");

        assertThat(apache.sendTaskConfigs(url, configsWith("forged"), newKey(), "HmacSHA256")).isEqualTo("403 " + INVALID);
        assertThat(apache.sendTaskConfigs(url, configsWith(marker), currentKey().key(), "HmacSHA256")).isEqualTo("204");
        assertThat(taskConfigs(target).get(0).get("marker").asText()).isEqualTo(marker);
    }

    @Test
    void aNewSessionKeyInTheConfigTopicReplacesTheOldOneOnBothWorkers() throws Exception {
        SecretKey old = currentKey().key();
        SecretKey replacement = newKey();
        // What a leader's rotation writes; written here so that the test knows the new key.
        configTopic.putSessionKey(new SessionKey(replacement, System.currentTimeMillis()));

        for (RestClient worker : cluster.both()) {
            TwoWorkerCluster.await("the worker to verify with the new key", () -> {
                byte[] body = body(uniqueName("new"));
                return post(worker, target, body, InternalRequestSignature.headers(replacement, "HmacSHA256", body))
                        .status == 204;
            });
            byte[] body = body("old");
            Answer stale = post(worker, target, body, InternalRequestSignature.headers(old, "HmacSHA256", body));
            assertThat(stale.status).isEqualTo(403);
            assertThat(stale.message()).isEqualTo(INVALID);
        }
        String name = connectorOnTheFollower();
        String newTopic = uniqueName("after-rotation");
        cluster.leader().put("/connectors/" + name + "/config", fixture.sinkConfig(newTopic));
        TwoWorkerCluster.await("the follower to sign its task configs with the new key", () ->
                newTopic.equals(taskConfigs(name).get(0).get("topics").asText()));
    }

    @Test
    void underTheCompatibleProtocolNoSignatureIsNeededAndNoKeyIsWritten() throws Exception {
        // One worker offers only compatible, so the group elects it although the other prefers sessioned.
        try (TwoWorkerCluster compatible = TwoWorkerCluster.start(broker, Map.of("connect.protocol", "compatible"),
                Map.of())) {
            String name = uniqueName("compatible");
            fixture.createRunning(compatible.leader(), name, fixture.sinkConfig(name));
            for (RestClient worker : compatible.both()) {
                String marker = uniqueName("unsigned");
                Answer answer = post(worker, name, bodyFor(compatible.leader(), name, marker), Map.of());

                assertThat(answer.status).as(answer.body).isEqualTo(204);
                assertThat(taskConfigs(compatible.leader(), name).get(0).get("marker").asText()).isEqualTo(marker);
            }
            KafkaConfigBackingStore topic = reader(compatible.groupId + "-configs");
            try {
                assertThat(topic.snapshot().sessionKey()).isNull();
            } finally {
                topic.stop();
            }
        }
    }

    /** Creates connectors until one runs on the follower (the assignor spreads them), and returns its name. */
    private String connectorOnTheFollower() {
        String followerId = cluster.followerWorker().rest().workerId();
        for (int attempt = 0; attempt < 6; attempt++) {
            String name = uniqueName("placed");
            fixture.createRunning(cluster.leader(), name, fixture.sinkConfig(name));
            JsonNode status = cluster.leader().get("/connectors/" + name + "/status").json();
            if (status.get("connector").get("worker_id").asText().equals(followerId)) {
                return name;
            }
        }
        throw new AssertionError("no connector was assigned to the follower " + followerId);
    }

    private SessionKey currentKey() throws TimeoutException {
        configTopic.refresh(Duration.ofSeconds(30));
        SessionKey key = configTopic.snapshot().sessionKey();
        assertThat(key).as("the session key in the config topic").isNotNull();
        return key;
    }

    private byte[] body(String marker) {
        return bodyFor(cluster.leader(), target, marker);
    }

    /** The connector's current task configs with a marker added, as JSON bytes. */
    private static byte[] bodyFor(RestClient worker, String connector, String marker) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (JsonNode task : taskConfigs(worker, connector)) {
            Map<String, String> config = JSON.convertValue(task, JSON.getTypeFactory()
                    .constructMapType(LinkedHashMap.class, String.class, String.class));
            config.put("marker", marker);
            configs.add(config);
        }
        try {
            return JSON.writeValueAsBytes(configs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Map<String, String>> configsWith(String marker) throws IOException {
        return JSON.readValue(body(marker), JSON.getTypeFactory().constructCollectionType(List.class,
                JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, String.class)));
    }

    private List<JsonNode> taskConfigs(String connector) {
        return taskConfigs(cluster.leader(), connector);
    }

    private static List<JsonNode> taskConfigs(RestClient worker, String connector) {
        RestClient.Response tasks = worker.get("/connectors/" + connector + "/tasks");
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        List<JsonNode> configs = new ArrayList<>();
        tasks.json().forEach(task -> configs.add(task.get("config")));
        return configs;
    }

    private Answer post(RestClient worker, String connector, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(worker.base().resolve("/connectors/" + connector
                        + "/tasks")).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError("POST to " + worker.base() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private KafkaConfigBackingStore reader(String topic) {
        KafkaConfigBackingStore store = new KafkaConfigBackingStore(new KafkaLogSettings(topic, "config.storage.topic",
                1, (short) 1, Map.of("bootstrap.servers", broker.bootstrapServers()), Duration.ofSeconds(30)),
                Time.SYSTEM, null);
        store.start();
        return store;
    }

    private static SecretKey newKey() throws Exception {
        return KeyGenerator.getInstance("HmacSHA256").generateKey();
    }

    private record Answer(int status, String body) {

        String message() {
            try {
                return JSON.readTree(body).get("message").asText();
            } catch (IOException e) {
                throw new AssertionError("not a JSON error (" + status + "): " + body, e);
            }
        }
    }
}
