package io.tributary.connect.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.connect.herder.DistributedHerder;
import io.tributary.connect.herder.InternalRequestSignature;
import io.tributary.connect.herder.RequestContext;
import io.tributary.connect.model.ConnectorOffset;
import io.tributary.connect.model.ConnectorOffsets;
import io.tributary.connect.storage.ClusterConfigState;
import io.tributary.connect.storage.KafkaConfigBackingStore;
import io.tributary.connect.storage.KafkaLogSettings;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two distributed workers with exactly.once.source.support=enabled in one JVM on a real broker: an exactly-once
 * FileStreamSource commits its lines and offsets in transactions after the leader recorded its task count; changing
 * a stopped connector's offsets first fences its last generation; the internal fence endpoint takes only signed
 * requests.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactlyOnceClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int LINES = 500;

    @TempDir
    Path dir;

    private KafkaBroker broker;
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final List<DistributedWorker> workers = new ArrayList<>();
    private KafkaConfigBackingStore configTopic;

    @BeforeAll
    void startCluster(KafkaBroker broker) {
        this.broker = broker;
        List<CompletableFuture<DistributedWorker>> starting = IntStream.range(0, 2)
                .mapToObj(i -> CompletableFuture.supplyAsync(this::startWorker)).toList();
        starting.forEach(start -> workers.add(start.join()));
        workers.forEach(worker -> await().atMost(WAIT).until(() -> worker.herder().isReady()));
        configTopic = new KafkaConfigBackingStore(new KafkaLogSettings(group() + "-configs", "config.storage.topic", 1,
                (short) 1, Map.of("bootstrap.servers", broker.bootstrapServers()), WAIT), Time.SYSTEM, null);
        configTopic.start();
    }

    @AfterAll
    void stopCluster() {
        workers.forEach(DistributedWorker::stop);
        if (configTopic != null) {
            configTopic.stop();
        }
    }

    @Test
    void anExactlyOnceFileSourceCommitsEachLineOnceAfterTheLeaderRecordedItsTaskCount() throws Exception {
        String name = "eos-file-" + id;
        String topic = name + "-lines";
        broker.createTopic(topic);
        Path input = lines(name, LINES);
        Map<String, String> config = fileSource(name, input, topic);
        config.put("exactly.once.support", "required");

        follower().putConnectorConfig(RequestContext.CLIENT, name, config, null, false).get(60, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> committedValues(topic).size() == LINES);
        assertThat(committedValues(topic)).isEqualTo(IntStream.rangeClosed(1, LINES)
                .mapToObj(i -> "line-" + i).toList());
        ClusterConfigState state = configState();
        assertThat(state.taskCountRecord(name)).as("tasks-fencing-" + name).isEqualTo(1);
        assertThat(state.pendingFencing(name)).isFalse();
        await().atMost(WAIT).until(() -> offsets(name).equals(List.of(Map.of("position", positionAfter(LINES)))));
    }

    @Test
    void changingTheOffsetsOfAStoppedExactlyOnceSourceFirstFencesItsLastGeneration() throws Exception {
        String name = "eos-offsets-" + id;
        String topic = name + "-lines";
        broker.createTopic(topic);
        Path input = lines(name, 10);
        leader().putConnectorConfig(RequestContext.CLIENT, name, fileSource(name, input, topic), null, false)
                .get(60, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> committedValues(topic).size() == 10);
        assertThat(configState().taskCountRecord(name)).isEqualTo(1);

        follower().stopConnector(RequestContext.CLIENT, name).get(60, TimeUnit.SECONDS);
        Map<String, Object> partition = Map.of("filename", input.toString());
        String answer = follower().alterConnectorOffsets(RequestContext.CLIENT, name, new ConnectorOffsets(
                List.of(new ConnectorOffset(partition, Map.of("position", 3L))))).get(60, TimeUnit.SECONDS).message();

        assertThat(answer).contains("altered successfully");
        assertThat(configState().taskCountRecord(name)).as("the stopped connector's zero tasks, after fencing")
                .isEqualTo(0);
        assertThat(offsets(name)).containsExactly(Map.of("position", 3L));
    }

    @Test
    void aConnectorsOwnOffsetsTopicGetsItsOffsetsInTheTransactionAndTheWorkersTopicACopy() throws Exception {
        String name = "eos-own-" + id;
        String topic = name + "-lines";
        String ownOffsets = name + "-offsets";
        broker.createTopic(topic);
        Path input = lines(name, 20);
        Map<String, String> config = fileSource(name, input, topic);
        config.put("offsets.storage.topic", ownOffsets);

        leader().putConnectorConfig(RequestContext.CLIENT, name, config, null, false).get(60, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> committedValues(topic).size() == 20);
        String offsetKey = "[\"" + name + "\",{\"filename\":\"" + input + "\"}]";
        String lastOffset = "{\"position\":" + positionAfter(20) + "}";
        await().atMost(WAIT).until(() -> lastValue(ownOffsets, offsetKey) != null
                && lastValue(ownOffsets, offsetKey).equals(lastOffset));
        await().atMost(WAIT).until(() -> lastOffset.equals(lastValue(group() + "-offsets", offsetKey)));
        assertThat(offsets(name)).containsExactly(Map.of("position", positionAfter(20)));
    }

    @Test
    void exactlyOnceSettingsAreValidatedAgainstTheConnectorWithKafkaConnectsMessages() throws Exception {
        Map<String, String> config = fileSource("eos-invalid-" + id, lines("eos-invalid-" + id, 1), "t");
        config.put("exactly.once.support", "required");
        config.put("transaction.boundary", "connector");

        Map<String, List<String>> errors = new HashMap<>();
        follower().validateConnectorConfig(config).get(60, TimeUnit.SECONDS).configs().forEach(info ->
                errors.put(info.value().name(), info.value().errors()));

        assertThat(errors.get("exactly.once.support")).as("FileStreamSource with a file supports it").isEmpty();
        assertThat(errors.get("transaction.boundary")).containsExactly("The connector does not support "
                + "connector-defined transaction boundaries with the given configuration. Please reconfigure it to "
                + "use a different transaction boundary definition.");
        config.remove("file");
        assertThat(follower().putConnectorConfig(RequestContext.CLIENT, "eos-invalid-" + id, config, null, false))
                .failsWithin(Duration.ofSeconds(60)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withMessageContaining("The connector does not support exactly-once semantics with the provided "
                        + "configuration.");
    }

    @Test
    void theFenceEndpointServesOnlySignedRequests() throws Exception {
        String name = "eos-fence-" + id;
        String topic = name + "-lines";
        broker.createTopic(topic);
        leader().putConnectorConfig(RequestContext.CLIENT, name, fileSource(name, lines(name, 3), topic), null, false)
                .get(60, TimeUnit.SECONDS);
        URI fence = workers.get(1).rest().advertisedUrl().resolve("/connectors/" + name + "/fence");

        HttpResponse<String> unsigned = put(fence, Map.of());
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(unsigned.body()).contains("Internal request missing required signature");

        Map<String, String> signature = InternalRequestSignature.headers(configState().sessionKey().key(),
                "HmacSHA256", new byte[0]);
        assertThat(put(fence, signature).statusCode()).isEqualTo(204);
        HttpResponse<String> unknown = put(workers.get(0).rest().advertisedUrl().resolve("/connectors/nope-" + id
                + "/fence"), signature);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private DistributedWorker startWorker() {
        Map<String, String> props = LocalWorkers.distributedProps(broker, group());
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("offset.storage.partitions", "2");
        props.put("status.storage.partitions", "2");
        props.put("scheduled.rebalance.max.delay.ms", "1000");
        props.put("exactly.once.source.support", "enabled");
        return DistributedWorker.start(props);
    }

    private String group() {
        return "eos-" + id;
    }

    private DistributedHerder leader() {
        return workers.stream().map(DistributedWorker::herder).filter(herder -> herder.isLeader().join())
                .findFirst().orElseThrow();
    }

    private DistributedHerder follower() {
        return workers.stream().map(DistributedWorker::herder).filter(herder -> !herder.isLeader().join())
                .findFirst().orElseThrow();
    }

    private ClusterConfigState configState() throws Exception {
        configTopic.refresh(WAIT);
        return configTopic.snapshot();
    }

    private List<Map<String, Object>> offsets(String connector) {
        return leader().connectorOffsets(connector).join().offsets().stream().map(ConnectorOffset::offset).toList();
    }

    private Path lines(String name, int count) throws Exception {
        return Files.writeString(dir.resolve(name + ".txt"), IntStream.rangeClosed(1, count)
                .mapToObj(i -> "line-" + i).collect(Collectors.joining("\n", "", "\n")));
    }

    /** The byte position after the first {@code count} lines "line-N\n". */
    private static long positionAfter(int count) {
        return IntStream.rangeClosed(1, count).mapToLong(i -> ("line-" + i + "\n").length()).sum();
    }

    private static Map<String, String> fileSource(String name, Path input, String topic) {
        Map<String, String> config = new HashMap<>();
        config.put("name", name);
        config.put("connector.class", "FileStreamSource");
        config.put("file", input.toString());
        config.put("topic", topic);
        config.put("tasks.max", "1");
        return config;
    }

    private static HttpResponse<String> put(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the last record with this key a read_committed consumer sees, or null. */
    private String lastValue(String topic, String key) {
        Map<String, Object> props = broker.consumerProperties("reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String last = null;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        last = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return last;
    }

    /** The values a read_committed consumer sees in the topic, up to its last stable offset. */
    private List<String> committedValues(String topic) {
        Map<String, Object> props = broker.consumerProperties("reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(record ->
                        values.add(new String(record.value(), StandardCharsets.UTF_8)));
            }
        }
        return values;
    }
}
