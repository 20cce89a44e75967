package io.tributary.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** GET /connectors/{name}/topics and PUT .../topics/reset against a real standalone worker and broker. */
@ExtendWith(KafkaBrokerExtension.class)
class ConnectorTopicsEndpointsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "tracked-topic";

    @TempDir
    static Path dir;
    private static LiveWorker worker;

    @BeforeAll
    static void start(KafkaBroker kafka) {
        kafka.createTopic(TOPIC);
        worker = LiveWorker.start(kafka, dir);
        createEmitter("producer");
        createSink("consumer");
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    @Test
    void aSourceConnectorsTopicsAreThoseItProducedTo() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(worker.get("/connectors/producer/topics").json())
                .isEqualTo(RestTestServer.json("{\"producer\":{\"topics\":[\"" + TOPIC + "\"]}}")));
    }

    @Test
    void aSinkConnectorsTopicsAreThoseItConsumed() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(worker.get("/connectors/consumer/topics").json())
                .isEqualTo(RestTestServer.json("{\"consumer\":{\"topics\":[\"" + TOPIC + "\"]}}")));
    }

    @Test
    void resetForgetsTheTopicsUntilTheTasksUseThemAgain() {
        createEmitter("resetting");
        await().atMost(WAIT).until(() -> worker.get("/connectors/resetting/topics").body().contains(TOPIC));
        // Stopped, not paused: a pause is asynchronous and a send acknowledged after the reset would record
        // the topic again; a stopped connector has no task left to do that.
        worker.put("/connectors/resetting/stop", null);
        await().atMost(WAIT).until(() -> worker.get("/connectors/resetting/status").body().contains("STOPPED"));

        RestTestServer.Answer answer = worker.put("/connectors/resetting/topics/reset", null);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(worker.get("/connectors/resetting/topics").json().get("resetting").get("topics")).isEmpty();
        worker.put("/connectors/resetting/resume", null);
        await().atMost(WAIT).until(() -> worker.get("/connectors/resetting/topics").body().contains(TOPIC));
    }

    @Test
    void topicsOfAnUnknownConnectorAreAnEmptyListAsInApache() {
        RestTestServer.Answer answer = worker.get("/connectors/unknown/topics");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("unknown").get("topics")).isEmpty();
    }

    @Test
    void resettingTopicsOfAnUnknownConnectorIsAcceptedAsInApache() {
        assertThat(worker.put("/connectors/unknown/topics/reset", null).status()).isEqualTo(202);
    }

    private static void createEmitter(String name) {
        assertThat(worker.post("/connectors", "{\"name\":\"" + name + "\",\"config\":{\"connector.class\":\""
                + OffsetsTestConnectors.Source.class.getName() + "\",\"topic\":\"" + TOPIC + "\"}}").status())
                .isEqualTo(201);
    }

    private static void createSink(String name) {
        assertThat(worker.post("/connectors", "{\"name\":\"" + name + "\",\"config\":{\"connector.class\":\""
                + OffsetsTestConnectors.Sink.class.getName() + "\",\"topics\":\"" + TOPIC + "\"}}").status())
                .isEqualTo(201);
    }
}
