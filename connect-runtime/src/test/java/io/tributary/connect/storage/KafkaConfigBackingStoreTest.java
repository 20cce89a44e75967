package io.tributary.connect.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class KafkaConfigBackingStoreTest {

    private static final Map<String, String> CONFIG = Map.of("name", "c", "connector.class", "FileStreamSource");
    private final List<KafkaConfigBackingStore> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(KafkaConfigBackingStore::stop);
    }

    private KafkaConfigBackingStore start(KafkaBroker kafka, String topic, String transactionalId,
                                          ConfigUpdateListener listener) {
        KafkaConfigBackingStore store = new KafkaConfigBackingStore(KafkaLogTest.settings(kafka, topic, 1),
                Time.SYSTEM, transactionalId);
        store.setUpdateListener(listener);
        store.start();
        started.add(store);
        return store;
    }

    private KafkaConfigBackingStore start(KafkaBroker kafka, String topic) {
        return start(kafka, topic, null, new RecordingConfigListener());
    }

    /** Every record of the topic in order, as "key=value" text. */
    private static List<String> rawRecords(KafkaBroker kafka, String topic) throws Exception {
        List<String> records = new CopyOnWriteArrayList<>();
        KafkaLog log = new KafkaLog(KafkaLogTest.settings(kafka, topic, 1), record -> records.add(
                new String(record.key(), StandardCharsets.UTF_8) + "="
                        + (record.value() == null ? "null" : new String(record.value(), StandardCharsets.UTF_8))),
                Time.SYSTEM);
        log.start();
        log.stop();
        return records;
    }

    @Test
    void anotherWorkerSeesConnectorAndTaskConfigsAndIsTold(KafkaBroker kafka) throws Exception {
        String topic = KafkaLogTest.uniqueTopic("configs-shared");
        KafkaConfigBackingStore leader = start(kafka, topic);
        RecordingConfigListener listener = new RecordingConfigListener();
        KafkaConfigBackingStore follower = start(kafka, topic, null, listener);

        leader.putConnectorConfig("c", CONFIG, null);
        leader.putTaskConfigs("c", List.of(Map.of("task", "0"), Map.of("task", "1")));
        follower.refresh(Duration.ofSeconds(30));

        ClusterConfigState snapshot = follower.snapshot();
        assertThat(snapshot.connectorConfig("c")).isEqualTo(CONFIG);
        assertThat(snapshot.tasks("c")).containsExactly(new ConnectorTaskId("c", 0), new ConnectorTaskId("c", 1));
        assertThat(snapshot.taskConfig(new ConnectorTaskId("c", 1))).isEqualTo(Map.of("task", "1"));
        assertThat(listener.events).containsExactly("config c", "tasks [c-0, c-1]");
    }

    @Test
    void writerSeesItsOwnWriteInTheNextSnapshot(KafkaBroker kafka) {
        KafkaConfigBackingStore store = start(kafka, KafkaLogTest.uniqueTopic("configs-own"));

        store.putConnectorConfig("c", CONFIG, TargetState.PAUSED);

        assertThat(store.contains("c")).isTrue();
        assertThat(store.snapshot().targetState("c")).isEqualTo(TargetState.PAUSED);
    }

    @Test
    void restartedStoreReadsBackTheWholeState(KafkaBroker kafka) {
        String topic = KafkaLogTest.uniqueTopic("configs-restart");
        KafkaConfigBackingStore first = start(kafka, topic);
        first.putSessionKey(new SessionKey(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"), 99L));
        first.putConnectorConfig("c", CONFIG, null);
        first.putTaskConfigs("c", List.of(Map.of("task", "0")));
        first.putConnectorConfig("d", Map.of("name", "d"), TargetState.STOPPED);
        first.putTaskCountRecord("c", 1);
        ClusterConfigState before = first.snapshot();

        RecordingConfigListener listener = new RecordingConfigListener();
        KafkaConfigBackingStore second = start(kafka, topic, null, listener);

        ClusterConfigState after = second.snapshot();
        assertThat(after.offset()).isEqualTo(before.offset());
        assertThat(after.connectorConfigs()).isEqualTo(before.connectorConfigs());
        assertThat(after.taskConfigs()).isEqualTo(before.taskConfigs());
        assertThat(after.connectorTargetStates()).isEqualTo(before.connectorTargetStates());
        assertThat(after.connectorTaskCountRecords()).isEqualTo(Map.of("c", 1));
        assertThat(after.sessionKey().creationTimestamp()).isEqualTo(99L);
        assertThat(listener.events).as("history is not announced").isEmpty();
    }

    @Test
    void readsTheConfigTopicApacheWrote(KafkaBroker kafka) {
        String topic = KafkaLogTest.uniqueTopic("configs-apache");
        kafka.createTopic(topic, 1, Map.of("cleanup.policy", "compact"));
        ApacheTopicDump.produce(kafka.producerProperties(), topic, ApacheTopicDump.read(ApacheTopicDump.CONFIGS),
                r -> r.offset() <= 31);

        ClusterConfigState snapshot = start(kafka, topic).snapshot();

        // Kafka Connect's meaning: the next offset to read after the record at offset 31.
        assertThat(snapshot.offset()).isEqualTo(32);
        assertThat(snapshot.connectors()).containsExactlyInAnyOrder("src-a", "sink-b", "sink-fail", "src-paused", "src-stopped");
        assertThat(snapshot.targetState("sink-b")).isEqualTo(TargetState.STOPPED);
        assertThat(snapshot.tasks("src-a")).containsExactly(new ConnectorTaskId("src-a", 0));
    }

    @Test
    void writesCreateAndStopAsTheSameRecordsApacheWrites(KafkaBroker kafka) throws Exception {
        List<ApacheTopicDump.Record> apache = ApacheTopicDump.read(ApacheTopicDump.CONFIGS);
        Map<String, String> connector = properties(apache.get(1));
        Map<String, String> task = properties(apache.get(2));
        String topic = KafkaLogTest.uniqueTopic("configs-same");
        KafkaConfigBackingStore store = start(kafka, topic);

        store.putConnectorConfig("src-a", connector, null);
        store.putTaskConfigs("src-a", List.of(task));
        store.putTaskConfigs("src-a", List.of());
        store.putTargetState("src-a", TargetState.STOPPED);
        store.removeConnectorConfig("src-a");

        List<String> expected = new ArrayList<>();
        for (int offset : new int[] {1, 2, 3, 17, 18, 36, 37}) {
            expected.add(apache.get(offset).key() + "=" + apache.get(offset).value());
        }
        assertThat(rawRecords(kafka, topic)).containsExactlyElementsOf(expected);
    }

    @Test
    void initialTargetStateIsWrittenBeforeTheConnectorConfig(KafkaBroker kafka) throws Exception {
        String topic = KafkaLogTest.uniqueTopic("configs-initial");
        start(kafka, topic).putConnectorConfig("c", Map.of("name", "c"), TargetState.STOPPED);

        assertThat(rawRecords(kafka, topic)).containsExactly(
                "target-state-c={\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}",
                "connector-c={\"properties\":{\"name\":\"c\"}}");
    }

    @Test
    void restartRequestsWrittenByOneWorkerReachAnother(KafkaBroker kafka) throws Exception {
        String topic = KafkaLogTest.uniqueTopic("configs-restart-request");
        KafkaConfigBackingStore writer = start(kafka, topic);
        RecordingConfigListener listener = new RecordingConfigListener();
        KafkaConfigBackingStore reader = start(kafka, topic, null, listener);

        writer.putRestartRequest(new RestartRequest("c", true, true));
        reader.refresh(Duration.ofSeconds(30));

        assertThat(listener.restarts).containsExactly(new RestartRequest("c", true, true));
    }

    @Test
    void deletedConnectorIsGoneForEveryWorker(KafkaBroker kafka) throws Exception {
        String topic = KafkaLogTest.uniqueTopic("configs-delete");
        KafkaConfigBackingStore writer = start(kafka, topic);
        writer.putConnectorConfig("c", CONFIG, TargetState.PAUSED);
        writer.putTaskConfigs("c", List.of(Map.of()));

        writer.removeConnectorConfig("c");
        KafkaConfigBackingStore later = start(kafka, topic);

        assertThat(later.snapshot().connectors()).isEmpty();
        assertThat(later.snapshot().taskConfigs()).isEmpty();
        assertThat(later.snapshot().connectorTargetStates()).isEmpty();
    }

    @Test
    void newLeaderFencesTheOldOneOutOfLeaderOnlyWrites(KafkaBroker kafka) throws Exception {
        String topic = KafkaLogTest.uniqueTopic("configs-fenced");
        String transactionalId = "connect-cluster-" + topic;
        KafkaConfigBackingStore oldLeader = start(kafka, topic, transactionalId, new RecordingConfigListener());
        KafkaConfigBackingStore newLeader = start(kafka, topic, transactionalId, new RecordingConfigListener());
        oldLeader.claimWritePrivileges();
        oldLeader.putConnectorConfig("c", CONFIG, null);

        newLeader.claimWritePrivileges();

        assertThatThrownBy(() -> oldLeader.putTaskConfigs("c", List.of(Map.of("from", "old"))))
                .isInstanceOf(FencedLeaderException.class);
        newLeader.putTaskConfigs("c", List.of(Map.of("from", "new")));
        oldLeader.refresh(Duration.ofSeconds(30));
        assertThat(oldLeader.snapshot().taskConfig(new ConnectorTaskId("c", 0))).isEqualTo(Map.of("from", "new"));
    }

    @Test
    void leaderOnlyWritesNeedClaimedPrivilegesWhenFencingIsOn(KafkaBroker kafka) {
        String topic = KafkaLogTest.uniqueTopic("configs-unclaimed");
        KafkaConfigBackingStore store = start(kafka, topic, "connect-cluster-" + topic, new RecordingConfigListener());

        assertThatThrownBy(() -> store.putTaskConfigs("c", List.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anyWorkerMayWriteTargetStatesWhenFencingIsOn(KafkaBroker kafka) {
        String topic = KafkaLogTest.uniqueTopic("configs-target-unclaimed");
        KafkaConfigBackingStore store = start(kafka, topic, "connect-cluster-" + topic, new RecordingConfigListener());

        store.putTargetState("c", TargetState.PAUSED);

        assertThat(store.snapshot().connectorTargetStates()).containsEntry("c", TargetState.PAUSED);
    }

    private static Map<String, String> properties(ApacheTopicDump.Record record) {
        return ((ConfigRecord.ConnectorConfig) decodeAsConnector(record)).properties();
    }

    // Task records carry the same {"properties":{...}} shape; decode both through the connector form.
    private static ConfigRecord decodeAsConnector(ApacheTopicDump.Record record) {
        return ConfigRecordCodec.decode("connector-x", record.valueBytes());
    }
}
