package io.tributary.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** GET, PATCH and DELETE /connectors/{name}/offsets against a real standalone worker and broker. */
@ExtendWith(KafkaBrokerExtension.class)
class ConnectorOffsetsEndpointsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SOURCE = OffsetsTestConnectors.Source.class.getName();
    private static final String SINK = OffsetsTestConnectors.Sink.class.getName();
    private static final String SINK_TOPIC = "offsets-sink-topic";
    private static final String SOURCE_TOPIC = "offsets-source-topic";
    private static final String ALTERED = "The offsets for this connector have been altered successfully";

    @TempDir
    static Path dir;
    private static LiveWorker worker;

    @BeforeAll
    static void start(KafkaBroker kafka) {
        kafka.createTopic(SINK_TOPIC, 2);
        kafka.createTopic(SOURCE_TOPIC);
        worker = LiveWorker.start(kafka, dir);
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    @Test
    void sourceOffsetsListTheCommittedPartitionsOfTheRunningConnector() {
        create("committing", SOURCE, "\"topic\":\"" + SOURCE_TOPIC + "\"");

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode offsets = worker.get("/connectors/committing/offsets").json().get("offsets");
            assertThat(offsets).hasSize(1);
            assertThat(offsets.get(0).get("partition").get("p").asInt()).isEqualTo(1);
            assertThat(offsets.get(0).get("offset").get("n").asLong()).isPositive();
        });
    }

    @Test
    void alteredSourceOffsetsAreStoredAndSeenByTheHook() {
        createStopped("alter-source", SOURCE, "\"mode\":\"true\"");

        RestTestServer.Answer answer = worker.patch("/connectors/alter-source/offsets",
                "{\"offsets\":[{\"partition\":{\"file\":\"a\"},\"offset\":{\"line\":7}}]}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("message").asText()).isEqualTo(ALTERED);
        assertThat(worker.get("/connectors/alter-source/offsets").json()).isEqualTo(RestTestServer.json(
                "{\"offsets\":[{\"partition\":{\"file\":\"a\"},\"offset\":{\"line\":7}}]}"));
        // JSON numbers reach the hook as Long, as tasks read offsets back from storage.
        assertThat(OffsetsTestConnectors.ALTERED.get("alter-source"))
                .isEqualTo(Map.of(Map.of("file", "a"), Map.of("line", 7L)));
    }

    @Test
    void aNullOffsetRemovesThePartition() {
        createStopped("remove-one", SOURCE, "\"mode\":\"true\"");
        worker.patch("/connectors/remove-one/offsets", "{\"offsets\":[{\"partition\":{\"k\":1},\"offset\":{\"o\":1}},"
                + "{\"partition\":{\"k\":2},\"offset\":{\"o\":2}}]}");

        worker.patch("/connectors/remove-one/offsets", "{\"offsets\":[{\"partition\":{\"k\":1}}]}");

        JsonNode offsets = worker.get("/connectors/remove-one/offsets").json().get("offsets");
        assertThat(offsets).hasSize(1);
        assertThat(offsets.get(0).get("partition").get("k").asInt()).isEqualTo(2);
    }

    @Test
    void aHookAnsweringFalseGetsTheFrameworkManagedMessage() {
        createStopped("framework-only", SOURCE, "\"mode\":\"false\"");

        RestTestServer.Answer answer = worker.patch("/connectors/framework-only/offsets",
                "{\"offsets\":[{\"partition\":{\"k\":1},\"offset\":{\"o\":1}}]}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("message").asText()).startsWith(
                "The Connect framework-managed offsets for this connector have been altered successfully. However,");
    }

    @Test
    void resettingSourceOffsetsRemovesThemAll() {
        createStopped("reset-source", SOURCE, "\"mode\":\"true\"");
        worker.patch("/connectors/reset-source/offsets", "{\"offsets\":[{\"partition\":{\"k\":1},\"offset\":{\"o\":1}}]}");

        RestTestServer.Answer answer = worker.delete("/connectors/reset-source/offsets");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("The offsets for this connector have been reset successfully");
        assertThat(worker.get("/connectors/reset-source/offsets").json().get("offsets")).isEmpty();
        assertThat(OffsetsTestConnectors.ALTERED.get("reset-source")).isEqualTo(nullOffsetFor(Map.of("k", 1L)));
    }

    @Test
    void sinkOffsetsAreAlteredAndReadInTheConsumerGroup() {
        createStopped("alter-sink", SINK, "\"topics\":\"" + SINK_TOPIC + "\"");

        RestTestServer.Answer answer = worker.patch("/connectors/alter-sink/offsets", "{\"offsets\":[{\"partition\":"
                + "{\"kafka_topic\":\"" + SINK_TOPIC + "\",\"kafka_partition\":1},\"offset\":{\"kafka_offset\":0}}]}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("message").asText()).isEqualTo(ALTERED);
        assertThat(worker.get("/connectors/alter-sink/offsets").json()).isEqualTo(RestTestServer.json(
                "{\"offsets\":[{\"partition\":{\"kafka_partition\":1,\"kafka_topic\":\"" + SINK_TOPIC + "\"},"
                        + "\"offset\":{\"kafka_offset\":0}}]}"));
        assertThat(OffsetsTestConnectors.ALTERED.get("alter-sink"))
                .isEqualTo(Map.of(new TopicPartition(SINK_TOPIC, 1), 0L));
    }

    @Test
    void resettingSinkOffsetsDeletesTheConsumerGroupOffsets() {
        createStopped("reset-sink", SINK, "\"topics\":\"" + SINK_TOPIC + "\"");
        worker.patch("/connectors/reset-sink/offsets", "{\"offsets\":[{\"partition\":{\"kafka_topic\":\""
                + SINK_TOPIC + "\",\"kafka_partition\":0},\"offset\":{\"kafka_offset\":0}}]}");

        RestTestServer.Answer answer = worker.delete("/connectors/reset-sink/offsets");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(worker.get("/connectors/reset-sink/offsets").json().get("offsets")).isEmpty();
    }

    @Test
    void offsetsOfARunningConnectorCannotChange() {
        create("still-running", SOURCE, "\"mode\":\"true\"");

        RestTestServer.Answer answer = worker.delete("/connectors/still-running/offsets");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).isEqualTo("Connectors must be in the STOPPED state before "
                + "their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' "
                + "request to the '/connectors/still-running/stop' endpoint");
    }

    @Test
    void anAlterRequestWithoutOffsetsIsRefusedBeforeTheConnectorIsLookedUp() {
        RestTestServer.Answer answer = worker.patch("/connectors/unknown/offsets", "{\"offsets\":[]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("Partitions / offsets need to be provided for an alter offsets request");
    }

    @Test
    void offsetsOfAnUnknownConnectorAreNotFound() {
        RestTestServer.Answer answer = worker.get("/connectors/unknown/offsets");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("message").asText()).isEqualTo("Connector unknown not found");
    }

    @Test
    void aConnectorThatDoesNotSupportAlteringOffsetsIsReported() {
        createStopped("unsupported", SOURCE, "\"mode\":\"unsupported\"");

        RestTestServer.Answer answer = worker.delete("/connectors/unsupported/offsets");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("message").asText()).isEqualTo("Failed to modify offsets for connector "
                + "unsupported because it doesn't support external modification of offsets");
    }

    @Test
    void aFailingHookFailsTheRequestWithoutChangingOffsets() {
        createStopped("failing-hook", SOURCE, "\"mode\":\"throw\"");

        RestTestServer.Answer answer = worker.patch("/connectors/failing-hook/offsets",
                "{\"offsets\":[{\"partition\":{\"k\":1},\"offset\":{\"o\":1}}]}");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("Failed to modify offsets for source connector failing-hook");
        assertThat(worker.get("/connectors/failing-hook/offsets").json().get("offsets")).isEmpty();
    }

    @Test
    void sourceOffsetsMayHoldOnlyPrimitiveValues() {
        createStopped("nested", SOURCE, "\"mode\":\"true\"");

        RestTestServer.Answer answer = worker.patch("/connectors/nested/offsets",
                "{\"offsets\":[{\"partition\":{\"k\":{\"a\":1}},\"offset\":{\"o\":1}}]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("Offsets may only contain primitive types as values, but field k contains MAP");
    }

    @Test
    void sinkPartitionsNeedTopicAndPartition() {
        createStopped("sink-shape", SINK, "\"topics\":\"" + SINK_TOPIC + "\"");

        RestTestServer.Answer answer = worker.patch("/connectors/sink-shape/offsets",
                "{\"offsets\":[{\"partition\":{\"kafka_topic\":\"t\"},\"offset\":{\"kafka_offset\":1}}]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).isEqualTo("The partition for a sink connector offset must "
                + "contain the keys 'kafka_topic' and 'kafka_partition'");
    }

    @Test
    void sinkOffsetsMustBeNonNegativeIntegers() {
        createStopped("sink-negative", SINK, "\"topics\":\"" + SINK_TOPIC + "\"");

        RestTestServer.Answer answer = worker.patch("/connectors/sink-negative/offsets", "{\"offsets\":[{\"partition\":"
                + "{\"kafka_topic\":\"" + SINK_TOPIC + "\",\"kafka_partition\":0},\"offset\":{\"kafka_offset\":-1}}]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("Kafka offset values for sink connectors must not be negative, but found -1");
    }

    @Test
    void unknownFieldsInTheBodyAreRefused() {
        RestTestServer.Answer answer = worker.patch("/connectors/any/offsets",
                "{\"offsets\":[{\"partition\":{},\"offset\":{},\"extra\":1}]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).contains("extra");
    }

    private static Map<Map<String, Object>, Map<String, Object>> nullOffsetFor(Map<String, Object> partition) {
        Map<Map<String, Object>, Map<String, Object>> expected = new HashMap<>();
        expected.put(partition, null);
        return expected;
    }

    private static void create(String name, String connectorClass, String extraConfig) {
        RestTestServer.Answer created = worker.post("/connectors", "{\"name\":\"" + name + "\",\"config\":{"
                + "\"connector.class\":\"" + connectorClass + "\"," + extraConfig + "}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static void createStopped(String name, String connectorClass, String extraConfig) {
        RestTestServer.Answer created = worker.post("/connectors", "{\"name\":\"" + name + "\",\"config\":{"
                + "\"connector.class\":\"" + connectorClass + "\"," + extraConfig + "},\"initial_state\":\"STOPPED\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
}
