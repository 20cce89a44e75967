package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tributary.connect.model.ConnectorTaskId;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** Leases on shared producers: who shares, when a producer closes, and each task's share of the buffer. */
class SharedProducersTest {

    private static final ConnectorTaskId A = new ConnectorTaskId("a", 0);
    private static final ConnectorTaskId B = new ConnectorTaskId("b", 0);
    private static final ConnectorTaskId C = new ConnectorTaskId("c", 0);

    /** Every producer the registry made, with the configuration it got. */
    private final List<MockProducer<byte[], byte[]>> made = new ArrayList<>();
    private final List<Map<String, Object>> configs = new ArrayList<>();
    private final SharedProducers registry = new SharedProducers(config -> {
        configs.add(config);
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        made.add(producer);
        return producer;
    }, 2);

    @Test
    void tasksWithEqualSettingsShareOneProducerWithAClientIdOfItsOwn() {
        SharedProducers.Lease a = registry.lease(A, settings(A, Map.of()), clientId(A));
        SharedProducers.Lease b = registry.lease(B, settings(B, Map.of()), clientId(B));

        assertThat(made).hasSize(1);
        assertThat(a.clientId()).isEqualTo(b.clientId()).isEqualTo("connector-producer-shared-1");
        assertThat(configs.get(0)).containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "connector-producer-shared-1")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "5")
                .as("room for the share of each task it may serve")
                .containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(2 * 1000L));
    }

    @Test
    void differentOverridesGetDifferentProducers() {
        SharedProducers.Lease a = registry.lease(A, settings(A, Map.of()), clientId(A));
        SharedProducers.Lease b = registry.lease(B, settings(B, Map.of(ProducerConfig.LINGER_MS_CONFIG, "50")),
                clientId(B));

        assertThat(made).hasSize(2);
        assertThat(a.clientId()).isNotEqualTo(b.clientId());
        assertThat(configs.get(1)).containsEntry(ProducerConfig.LINGER_MS_CONFIG, "50");
    }

    @Test
    void aClientIdTheUserChoseIsKeptAndOnlySharedWithTasksThatChoseTheSame() {
        Map<String, Object> quota = Map.of(ProducerConfig.CLIENT_ID_CONFIG, "quota-x");
        SharedProducers.Lease a = registry.lease(A, settings(A, quota), clientId(A));
        SharedProducers.Lease b = registry.lease(B, settings(B, quota), clientId(B));
        SharedProducers.Lease c = registry.lease(C, settings(C, Map.of()), clientId(C));

        assertThat(made).hasSize(2);
        assertThat(a.clientId()).isEqualTo(b.clientId()).isEqualTo("quota-x");
        assertThat(c.clientId()).isEqualTo("connector-producer-shared-1");
    }

    @Test
    void aProducerServesAtMostItsNumberOfTasks() {
        registry.lease(A, settings(A, Map.of()), clientId(A));
        registry.lease(B, settings(B, Map.of()), clientId(B));
        SharedProducers.Lease c = registry.lease(C, settings(C, Map.of()), clientId(C));

        assertThat(made).hasSize(2);
        assertThat(c.clientId()).isEqualTo("connector-producer-shared-2");
    }

    @Test
    void theProducerClosesWithItsLastLeaseOnly() {
        SharedProducers.Lease a = registry.lease(A, settings(A, Map.of()), clientId(A));
        SharedProducers.Lease b = registry.lease(B, settings(B, Map.of()), clientId(B));

        a.release(Duration.ofSeconds(1));
        a.release(Duration.ofSeconds(1));
        assertThat(made.get(0).closed()).as("closed while b still holds a lease").isFalse();
        assertThat(registry.producers()).isEqualTo(1);

        b.release(Duration.ofSeconds(1));
        assertThat(made.get(0).closed()).isTrue();
        assertThat(registry.producers()).isZero();

        registry.lease(C, settings(C, Map.of()), clientId(C));
        assertThat(made).as("a new lease after the last one left gets a new producer").hasSize(2);
    }

    @Test
    void anAbandonedLeaseIsGivenBackAndTheLastOneClosesTheProducerWithoutBlocking() {
        SharedProducers.Lease a = registry.lease(A, settings(A, Map.of()), clientId(A));
        SharedProducers.Lease b = registry.lease(B, settings(B, Map.of()), clientId(B));

        a.abandon();
        assertThat(made.get(0).closed()).isFalse();
        assertThatThrownBy(() -> a.trySend(record(10), (metadata, error) -> { }))
                .as("a task thread that returns after it was given up on sends nothing more")
                .isInstanceOf(KafkaException.class);

        b.abandon();
        await().atMost(Duration.ofSeconds(10)).until(() -> made.get(0).closed());
        assertThat(registry.producers()).isZero();
    }

    @Test
    void aRecordFailureReachesOnlyTheTaskThatSentIt() {
        SharedProducers.Lease a = registry.lease(A, settings(A, Map.of()), clientId(A));
        SharedProducers.Lease b = registry.lease(B, settings(B, Map.of()), clientId(B));
        List<String> outcomes = new CopyOnWriteArrayList<>();

        assertThat(a.trySend(record(10), outcome("a", outcomes))).isTrue();
        assertThat(b.trySend(record(10), outcome("b", outcomes))).isTrue();
        made.get(0).errorNext(new RecordTooLargeException("too large"));
        made.get(0).completeNext();

        assertThat(outcomes).containsExactly("a failed: too large", "b acked");
    }

    @Test
    void aTaskMayHaveAtMostItsOwnBufferMemoryOfRecordsInFlight() throws Exception {
        SharedProducers.Lease a = registry.lease(A, settings(A, Map.of()), clientId(A));
        SharedProducers.Lease b = registry.lease(B, settings(B, Map.of()), clientId(B));
        List<String> outcomes = new CopyOnWriteArrayList<>();

        assertThat(a.trySend(record(600), outcome("a1", outcomes))).isTrue();
        assertThat(a.trySend(record(600), outcome("a2", outcomes))).as("past a's 1000 bytes").isFalse();
        assertThat(a.awaitRoom(50)).isFalse();
        assertThat(b.trySend(record(600), outcome("b1", outcomes))).as("b's share is its own").isTrue();

        made.get(0).completeNext();
        assertThat(a.awaitRoom(50)).as("a1 acknowledged").isTrue();
        assertThat(a.bytesInFlight()).isZero();
        assertThat(a.trySend(record(600), outcome("a2", outcomes))).isTrue();
    }

    @Test
    void aRecordLargerThanTheShareGoesAlone() {
        SharedProducers.Lease a = registry.lease(A, settings(A, Map.of()), clientId(A));

        assertThat(a.trySend(record(5000), (metadata, error) -> { })).isTrue();
        assertThat(a.trySend(record(1), (metadata, error) -> { })).isFalse();
    }

    @Test
    void acknowledgementsAfterTheReleaseNoLongerReachTheTask() {
        SharedProducers.Lease a = registry.lease(A, settings(A, Map.of()), clientId(A));
        registry.lease(B, settings(B, Map.of()), clientId(B));
        List<String> outcomes = new CopyOnWriteArrayList<>();

        a.trySend(record(10), outcome("a", outcomes));
        a.release(Duration.ZERO);
        made.get(0).completeNext();

        assertThat(outcomes).isEmpty();
    }

    @Test
    void aTransactionalProducerIsNeverShared() {
        Map<String, Object> transactional = settings(A, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx"));
        assertThat(SharedProducers.canShare(transactional)).isFalse();
        assertThat(SharedProducers.canShare(settings(A, Map.of()))).isTrue();
    }

    /** Effective settings as the worker makes them: a per-task client id, a 1000-byte buffer. */
    private static Map<String, Object> settings(ConnectorTaskId id, Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, "1000");
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId(id));
        settings.putAll(overrides);
        return settings;
    }

    private static String clientId(ConnectorTaskId id) {
        return "connector-producer-" + id;
    }

    private static ProducerRecord<byte[], byte[]> record(int bytes) {
        return new ProducerRecord<>("t", 0, null, new byte[bytes]);
    }

    private static Callback outcome(String name, List<String> outcomes) {
        return (metadata, error) -> outcomes.add(error == null ? name + " acked" : name + " failed: "
                + error.getMessage());
    }
}
