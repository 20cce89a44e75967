package io.tributary.connect.mirror;

import static io.tributary.connect.mirror.MirrorClusters.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connect.cli.DistributedWorker;
import io.tributary.connect.cli.LocalWorkers;
import io.tributary.connect.e2e.RestClient;
import io.tributary.connect.mirror.MirrorClusters.Copy;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import io.tributary.connect.testkit.KafkaCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.connect.mirror.Heartbeat;
import org.apache.kafka.connect.mirror.RemoteClusterUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Apache's MirrorMaker 2 connectors, the unchanged 4.1.1 jars a Tributary worker ships on its class path, run by a
 * distributed worker in this JVM: cluster A (the shared test broker) is mirrored into cluster B (a broker of this
 * class), which also holds the Connect cluster's internal topics, as MirrorMaker 2 on Kafka Connect is deployed.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MirrorConnectorsTest {

    private static final String SOURCE = "org.apache.kafka.connect.mirror.MirrorSourceConnector";
    private static final String CHECKPOINT = "org.apache.kafka.connect.mirror.MirrorCheckpointConnector";
    private static final String HEARTBEAT = "org.apache.kafka.connect.mirror.MirrorHeartbeatConnector";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaCluster clusterB;
    private static MirrorClusters clusters;
    private static DistributedWorker worker;
    private static RestClient rest;

    private final String id = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startClusterBAndAWorkerOnIt(KafkaBroker clusterA) {
        clusterB = KafkaCluster.startSingleNode();
        clusters = new MirrorClusters(clusterA, clusterB.broker());
        Map<String, String> props = LocalWorkers.distributedProps(clusterB.broker(), "mm2-" + UUID.randomUUID());
        props.put("offset.flush.interval.ms", "1000");
        worker = DistributedWorker.start(props);
        rest = new RestClient(worker.rest().advertisedUrl());
        await("the worker to join its group", () -> worker.herder().isReady());
    }

    @AfterAll
    static void stop() throws Exception {
        if (worker != null) {
            worker.stop();
        }
        if (clusterB != null) {
            clusterB.close();
        }
    }

    @Test
    void theSourceConnectorReplicatesEveryPartitionInOrderToTheRenamedTopicAndSyncsItsConfig() throws Exception {
        String topic = "orders-" + id;
        clusters.source.createTopic(topic, 3, Map.of("retention.ms", "86400000"));
        List<Copy> written = clusters.produceOrders(topic, 3, 10);
        Map<String, String> config = clusters.connectorConfig(SOURCE);
        config.put("topics", topic);
        config.put("tasks.max", "2");

        create("mirror-" + id, config);

        String remote = "A." + topic;
        await(remote + " to hold all 30 records on B", () -> MirrorClusters.topicExists(clusters.target, remote)
                && MirrorClusters.readAll(clusters.target, remote).size() == written.size());
        List<Copy> replicated = MirrorClusters.readAll(clusters.target, remote);
        for (int p = 0; p < 3; p++) {
            assertThat(MirrorClusters.partition(replicated, p)).as("partition " + p)
                    .containsExactlyElementsOf(MirrorClusters.partition(written, p));
        }
        assertThat(topicConfig(clusters.target, remote, "retention.ms")).isEqualTo("86400000");
        assertThat(MirrorClusters.topicExists(clusters.source, "mm2-offset-syncs.B.internal")).isTrue();

        alterTopicConfig(clusters.source, topic, "retention.ms", "172800000");
        await("the changed retention.ms to reach " + remote,
                () -> "172800000".equals(topicConfig(clusters.target, remote, "retention.ms")));
        // Without an authorizer on A the ACL sync turns itself off; the connector and its tasks keep running.
        assertThat(status("mirror-" + id).get("connector").get("state").asText()).isEqualTo("RUNNING");
        assertThat(status("mirror-" + id).get("tasks")).allSatisfy(task ->
                assertThat(task.get("state").asText()).isEqualTo("RUNNING"));
    }

    @Test
    void onAnExactlyOnceWorkerTheSourceConnectorCopiesOnlyCommittedRecordsInTransactions() throws Exception {
        String topic = "ledger-" + id;
        String remote = "A." + topic;
        clusters.source.createTopic(topic, 2);
        List<Copy> committed = new ArrayList<>(clusters.produceTransactionally(topic, 2, 5, true));
        clusters.produceTransactionally(topic, 2, 5, false);
        committed.addAll(clusters.produceTransactionally(topic, 2, 5, true));
        Map<String, String> props = LocalWorkers.distributedProps(clusterB.broker(), "mm2-eos-" + id);
        props.put("exactly.once.source.support", "enabled");
        props.put("offset.flush.interval.ms", "1000");
        DistributedWorker exactlyOnce = DistributedWorker.start(props);
        try {
            RestClient eosRest = new RestClient(exactlyOnce.rest().advertisedUrl());
            Map<String, String> config = clusters.connectorConfig(SOURCE);
            config.put("topics", topic);
            config.put("exactly.once.support", "required");
            config.put("source.consumer.isolation.level", "read_committed");
            config.put("name", "eos-" + id);

            config.remove("source.consumer.isolation.level");
            JsonNode withoutReadCommitted = validate(eosRest, config);
            config.put("source.consumer.isolation.level", "read_committed");
            assertThat(errorsOf(withoutReadCommitted, "exactly.once.support"))
                    .anySatisfy(error -> assertThat(error).contains("read_committed"));
            assertThat(validate(eosRest, config).get("error_count").asInt()).isZero();

            create(eosRest, "eos-" + id, config);

            await(remote + " to hold the committed records", () -> MirrorClusters.topicExists(clusters.target, remote)
                    && MirrorClusters.readAll(clusters.target, remote).size() == committed.size());
            List<Copy> replicated = MirrorClusters.readAll(clusters.target, remote);
            for (int p = 0; p < 2; p++) {
                assertThat(MirrorClusters.partition(replicated, p)).as("partition " + p)
                        .containsExactlyElementsOf(MirrorClusters.partition(committed, p));
            }
            // Written in transactions: each partition ends past its records, behind a commit marker.
            assertThat(MirrorClusters.endOffsets(clusters.target, remote)).allSatisfy((partition, end) ->
                    assertThat(end).isGreaterThan(MirrorClusters.partition(replicated, partition.partition()).size()));
        } finally {
            exactlyOnce.stop();
        }
    }

    @Test
    void theCheckpointConnectorTranslatesAGroupsOffsetsAndSyncsThemToTheTargetGroup() throws Exception {
        String topic = "payments-" + id;
        String remote = "A." + topic;
        String group = "payment-readers-" + id;
        clusters.source.createTopic(topic, 2);
        clusters.produceOrders(topic, 2, 10);
        // The remote topic holds three older records per partition, so replicated offsets are the source's + 3.
        clusters.target.createTopic(remote, 2);
        new MirrorClusters(clusters.target, clusters.target).produceOrders(remote, 2, 3);
        commit(clusters.source, group, Map.of(new TopicPartition(topic, 0), 10L, new TopicPartition(topic, 1), 10L));
        Map<String, String> source = clusters.connectorConfig(SOURCE);
        source.put("topics", topic);
        source.put("offset.lag.max", "0");
        Map<String, String> checkpoints = clusters.connectorConfig(CHECKPOINT);
        checkpoints.put("groups", group);
        checkpoints.put("sync.group.offsets.enabled", "true");

        create("mirror-" + id, source);
        create("checkpoints-" + id, checkpoints);

        Map<TopicPartition, OffsetAndMetadata> expected = Map.of(
                new TopicPartition(remote, 0), new OffsetAndMetadata(13), new TopicPartition(remote, 1),
                new OffsetAndMetadata(13));
        await("the checkpoints of " + group + " on B", () -> translated(group).equals(expected));
        await(group + "'s offsets on B to follow its checkpoints", () -> committed(group).equals(expected));
    }

    @Test
    void theHeartbeatConnectorWritesHeartbeatsToTheTarget() {
        String source = "hb-" + id;
        Map<String, String> config = clusters.connectorConfig(HEARTBEAT);
        config.put("source.cluster.alias", source);

        create("heartbeats-" + id, config);

        await("two heartbeats from " + source + " on B", () -> MirrorClusters.topicExists(clusters.target, "heartbeats")
                && heartbeatsFrom(source).size() >= 2);
        assertThat(heartbeatsFrom(source)).allSatisfy(heartbeat -> {
            assertThat(heartbeat.targetClusterAlias()).isEqualTo("B");
            assertThat(heartbeat.timestamp()).isPositive();
        });
    }

    @Test
    void theThreeConnectorsAreListedAsSourcePluginsOfVersion411() {
        RestClient.Response plugins = rest.get("/connector-plugins");

        assertThat(plugins.status()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        plugins.json().forEach(plugin -> listed.add(plugin.get("class").asText() + " " + plugin.get("type").asText()
                + " " + plugin.get("version").asText()));
        assertThat(listed).contains(SOURCE + " source 4.1.1", CHECKPOINT + " source 4.1.1",
                HEARTBEAT + " source 4.1.1");
    }

    @Test
    void validatingASourceConfigListsEachKeyOnceWithTheMirrorErrors() throws Exception {
        Map<String, String> config = clusters.connectorConfig(SOURCE);
        config.put("name", "validate-" + id);
        config.put("topics", "orders-.*");
        config.remove("key.converter");

        JsonNode valid = validate(config);

        assertThat(valid.get("name").asText()).isEqualTo(SOURCE);
        assertThat(valid.get("error_count").asInt()).as(valid.toString()).isZero();
        // The connector defines the common keys again; as on Kafka Connect each is listed once.
        assertThat(definitions(valid)).contains("source.cluster.alias", "topics", "sync.topic.acls.enabled",
                "offset-syncs.topic.location", "name", "tasks.max").doesNotHaveDuplicates();
        assertThat(valueOf(valid, "key.converter.plugin.version").get("visible").asBoolean()).isFalse();
        assertThat(valueOf(valid, "value.converter.plugin.version").get("visible").asBoolean()).isTrue();

        config.put("replication.factor", "many");
        config.put("offset-syncs.topic.location", "elsewhere");
        config.put("tasks.max", "0");
        JsonNode invalid = validate(config);

        assertThat(invalid.get("error_count").asInt()).as(invalid.toString()).isEqualTo(3);
        assertThat(errorsOf(invalid, "replication.factor")).singleElement().asString().contains("many");
        assertThat(errorsOf(invalid, "offset-syncs.topic.location")).hasSize(1);
        assertThat(errorsOf(invalid, "tasks.max")).hasSize(1);
        RestClient.Response refused = rest.put("/connectors/validate-" + id + "/config", JSON.writeValueAsString(config));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("contains the following 3 error(s)");
    }

    @Test
    void theSourceConnectorsSettingsAreDescribedOnceEach() {
        RestClient.Response described = rest.get("/connector-plugins/MirrorSourceConnector/config");

        assertThat(described.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        described.json().forEach(key -> names.add(key.get("name").asText()));
        assertThat(names).startsWith("name", "connector.class").contains("topics", "exactly.once.support")
                .doesNotHaveDuplicates();
    }

    private static void create(String name, Map<String, String> config) {
        create(rest, name, config);
    }

    private static void create(RestClient rest, String name, Map<String, String> config) {
        try {
            RestClient.Response created = rest.put("/connectors/" + name + "/config", JSON.writeValueAsString(config));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        await(name + " to run", () -> {
            JsonNode status = status(rest, name);
            return status != null && "RUNNING".equals(status.path("connector").path("state").asText());
        });
    }

    private static JsonNode status(String name) {
        return status(rest, name);
    }

    private static JsonNode status(RestClient rest, String name) {
        RestClient.Response response = rest.get("/connectors/" + name + "/status");
        return response.status() == 200 ? response.json() : null;
    }

    private static JsonNode validate(Map<String, String> config) throws Exception {
        return validate(rest, config);
    }

    private static JsonNode validate(RestClient rest, Map<String, String> config) throws Exception {
        RestClient.Response response = rest.put("/connector-plugins/MirrorSourceConnector/config/validate",
                JSON.writeValueAsString(config));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> definitions(JsonNode validation) {
        List<String> names = new ArrayList<>();
        validation.get("configs").forEach(c -> names.add(c.get("definition").get("name").asText()));
        return names;
    }

    private static JsonNode valueOf(JsonNode validation, String key) {
        for (JsonNode config : validation.get("configs")) {
            if (config.get("value").get("name").asText().equals(key)) {
                return config.get("value");
            }
        }
        throw new AssertionError("no value for " + key + " in " + validation);
    }

    private static List<String> errorsOf(JsonNode validation, String key) {
        List<String> errors = new ArrayList<>();
        validation.get("configs").forEach(c -> {
            if (c.get("value").get("name").asText().equals(key)) {
                c.get("value").get("errors").forEach(e -> errors.add(e.asText()));
            }
        });
        return errors;
    }

    private static Map<TopicPartition, OffsetAndMetadata> translated(String group) {
        return translated(clusters.target, group);
    }

    /** The group's offsets on the target as the checkpoints there translate them, as MirrorMaker 2's client reads them. */
    static Map<TopicPartition, OffsetAndMetadata> translated(KafkaBroker target, String group) {
        Map<String, Object> targetClient = new HashMap<>();
        targetClient.put("bootstrap.servers", target.bootstrapServers());
        try {
            return RemoteClusterUtils.translateOffsets(targetClient, "A", group, Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.TimeoutException e) {
            return Map.of();
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        try (Admin admin = clusters.target.admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return Map.of();
        }
    }

    static void commit(KafkaBroker cluster, String group, Map<TopicPartition, Long> offsets) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cluster.consumerProperties(group))) {
            Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
            offsets.forEach((partition, offset) -> commits.put(partition, new OffsetAndMetadata(offset)));
            consumer.assign(commits.keySet());
            consumer.commitSync(commits);
        }
    }

    private List<Heartbeat> heartbeatsFrom(String sourceAlias) {
        List<Heartbeat> heartbeats = new ArrayList<>();
        Map<String, Object> props = clusters.target.consumerProperties("hb-reader-" + System.nanoTime());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            TopicPartition partition = new TopicPartition("heartbeats", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    Heartbeat heartbeat = Heartbeat.deserializeRecord(record);
                    if (heartbeat.sourceClusterAlias().equals(sourceAlias)) {
                        heartbeats.add(heartbeat);
                    }
                });
            }
        }
        return heartbeats;
    }

    private static String topicConfig(KafkaBroker cluster, String topic, String key) {
        try (Admin admin = cluster.admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            ConfigEntry entry = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS)
                    .get(resource).get(key);
            return entry == null ? null : entry.value();
        } catch (Exception e) {
            return null;
        }
    }

    private static void alterTopicConfig(KafkaBroker cluster, String topic, String key, String value)
            throws Exception {
        try (Admin admin = cluster.admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(new ConfigEntry(key, value),
                    AlterConfigOp.OpType.SET)))).all().get(10, TimeUnit.SECONDS);
        }
    }
}
