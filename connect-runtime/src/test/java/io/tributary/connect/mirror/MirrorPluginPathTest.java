package io.tributary.connect.mirror;

import static io.tributary.connect.mirror.MirrorClusters.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connect.cli.StandaloneWorker;
import io.tributary.connect.e2e.RestClient;
import io.tributary.connect.mirror.MirrorClusters.Copy;
import io.tributary.connect.plugins.PluginClassLoader;
import io.tributary.connect.plugins.PluginDescriptor;
import io.tributary.connect.plugins.Plugins;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import io.tributary.connect.testkit.KafkaCluster;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.util.KafkaBasedLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache's connect-mirror and connect-mirror-client 4.1.1 jars, alone in a plugin.path directory of a standalone
 * worker that does not have them on its class path: the connectors load in isolation, take the runtime classes they
 * call (ConnectorConfig, KafkaBasedLog, ...) from the worker, and mirror cluster A into cluster B.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MirrorPluginPathTest {

    private static final String SOURCE = "org.apache.kafka.connect.mirror.MirrorSourceConnector";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static KafkaCluster clusterB;
    private static MirrorClusters clusters;
    private static Path location;
    private static Plugins plugins;
    private static StandaloneWorker worker;
    private static RestClient rest;

    @BeforeAll
    static void startAWorkerWithTheMirrorJarsInItsPluginPath(KafkaBroker clusterA) throws Exception {
        clusterB = KafkaCluster.startSingleNode();
        clusters = new MirrorClusters(clusterA, clusterB.broker());
        location = Files.createDirectories(dir.resolve("plugins").resolve("mirror-maker-2"));
        for (String jar : List.of("connect-mirror", "connect-mirror-client")) {
            Files.copy(Path.of(System.getProperty("reference.dir", "target/reference"), jar + ".jar"),
                    location.resolve(jar + "-4.1.1.jar"));
        }
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", clusterB.bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        props.put("offset.flush.interval.ms", "1000");
        props.put("listeners", "http://localhost:0");
        props.put("plugin.path", location.getParent().toString());
        plugins = new Plugins(props, MirrorPluginPathTest.class.getClassLoader(), classPathWithoutMirrorMaker(),
                Time.SYSTEM);
        worker = StandaloneWorker.start(props, plugins);
        rest = new RestClient(worker.rest().advertisedUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (worker != null) {
            worker.stop();
        }
        if (plugins != null) {
            plugins.close();
        }
        if (clusterB != null) {
            clusterB.close();
        }
    }

    @Test
    void theConnectorsComeFromThePluginLocationAndUseTheWorkersRuntimeClasses() throws Exception {
        PluginDescriptor source = plugins.connectorDescriptor(SOURCE);

        assertThat(source.location()).isEqualTo(location.toUri().toString());
        assertThat(source.loader()).isInstanceOf(PluginClassLoader.class);
        assertThat(plugins.connectors()).extracting(PluginDescriptor::className)
                .filteredOn(name -> name.startsWith("org.apache.kafka.connect.mirror."))
                .containsExactly("org.apache.kafka.connect.mirror.MirrorCheckpointConnector",
                        "org.apache.kafka.connect.mirror.MirrorHeartbeatConnector", SOURCE);
        assertThat(source.loader().loadClass("org.apache.kafka.connect.util.KafkaBasedLog"))
                .isSameAs(KafkaBasedLog.class);
        assertThat(source.loader().loadClass("org.apache.kafka.connect.runtime.ConnectorConfig"))
                .isSameAs(org.apache.kafka.connect.runtime.ConnectorConfig.class);
        assertThat(source.loader().loadClass("org.apache.kafka.connect.mirror.MirrorClient").getClassLoader())
                .isSameAs(source.loader());
    }

    @Test
    void theSourceConnectorReplicatesOrdersToTheRenamedTopicInOrderPerPartition() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String topic = "orders-" + id;
        clusters.source.createTopic(topic, 3);
        List<Copy> written = clusters.produceOrders(topic, 3, 10);
        Map<String, String> config = clusters.connectorConfig("MirrorSourceConnector");
        config.put("topics", topic);

        RestClient.Response created = rest.put("/connectors/mirror-" + id + "/config", JSON.writeValueAsString(config));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String remote = "A." + topic;
        await(remote + " to hold all 30 records on B", () -> MirrorClusters.topicExists(clusters.target, remote)
                && MirrorClusters.readAll(clusters.target, remote).size() == written.size());
        List<Copy> replicated = MirrorClusters.readAll(clusters.target, remote);
        for (int p = 0; p < 3; p++) {
            assertThat(MirrorClusters.partition(replicated, p)).as("partition " + p)
                    .containsExactlyElementsOf(MirrorClusters.partition(written, p));
        }
    }

    @Test
    void theCheckpointConnectorReadsTheOffsetSyncsThroughTheWorkersLogAndTranslatesAGroup() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String topic = "invoices-" + id;
        String group = "invoice-readers-" + id;
        clusters.source.createTopic(topic, 1);
        clusters.produceOrders(topic, 1, 10);
        MirrorConnectorsTest.commit(clusters.source, group, Map.of(new TopicPartition(topic, 0), 10L));
        Map<String, String> source = clusters.connectorConfig("MirrorSourceConnector");
        source.put("topics", topic);
        source.put("offset.lag.max", "0");
        Map<String, String> checkpoints = clusters.connectorConfig("MirrorCheckpointConnector");
        checkpoints.put("groups", group);

        assertThat(rest.put("/connectors/mirror-" + id + "/config", JSON.writeValueAsString(source)).status())
                .isEqualTo(201);
        assertThat(rest.put("/connectors/checkpoints-" + id + "/config", JSON.writeValueAsString(checkpoints))
                .status()).isEqualTo(201);

        Map<TopicPartition, OffsetAndMetadata> expected = Map.of(new TopicPartition("A." + topic, 0),
                new OffsetAndMetadata(10));
        await("the checkpoint of " + group + " on B",
                () -> MirrorConnectorsTest.translated(clusters.target, group).equals(expected));
    }

    /** The test class path as plugins see it, less the connect-mirror jars the build puts on it. */
    private static List<Path> classPathWithoutMirrorMaker() {
        List<Path> entries = new ArrayList<>();
        Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !Paths.get(entry).getFileName().toString().startsWith("connect-mirror"))
                .map(entry -> Paths.get(entry).toAbsolutePath())
                .filter(Files::exists)
                .forEach(entries::add);
        return entries;
    }
}
