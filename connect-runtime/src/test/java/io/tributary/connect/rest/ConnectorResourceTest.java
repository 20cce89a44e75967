package io.tributary.connect.rest;

import io.tributary.connect.herder.ScriptedSourceConnector;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.tributary.connect.rest.RestTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** /connectors/{name} and its config, status, restart and target-state endpoints, on a real standalone worker. */
@ExtendWith(KafkaBrokerExtension.class)
class ConnectorResourceTest {

    /** An idle source whose task stops at once (a FileStreamSource task takes a second to leave its poll). */
    private static final String SCRIPTED = ScriptedSourceConnector.class.getName();
    private static final String VERSION = "9.9.9-test";
    @TempDir
    static Path dir;
    private static LiveWorker worker;

    @BeforeAll
    static void start(KafkaBroker kafka) {
        worker = LiveWorker.start(kafka, dir);
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    @BeforeEach
    void oneRunningSource() {
        worker.create("src", Map.of("connector.class", SCRIPTED, "topic", "t"));
    }

    @AfterEach
    void deleteConnectors() {
        worker.deleteAllConnectors();
    }

    @Test
    void getAnswersTheConnectorInfo() {
        RestTestServer.Answer answer = worker.get("/connectors/src");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(json("{\"name\":\"src\",\"config\":{\"connector.class\":\"" + SCRIPTED + "\","
                + "\"topic\":\"t\",\"name\":\"src\"},\"tasks\":[{\"connector\":\"src\",\"task\":0}],\"type\":\"source\"}"));
    }

    @Test
    void getOfAnUnknownConnectorIs404() {
        RestTestServer.Answer answer = worker.get("/connectors/nope");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).isEqualTo("application/json");
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"Connector nope not found\"}"));
    }

    @Test
    void trailingSlashOnTheCollectionStillLists() {
        RestTestServer.Answer answer = worker.get("/connectors/");

        assertThat(answer.json()).isEqualTo(json("[\"src\"]"));
    }

    @Test
    void getConfigAnswersTheConfigMap() {
        RestTestServer.Answer answer = worker.get("/connectors/src/config");

        assertThat(answer.json()).isEqualTo(json("{\"connector.class\":\"" + SCRIPTED + "\",\"topic\":\"t\",\"name\":\"src\"}"));
    }

    @Test
    void putConfigOfANewConnectorAnswers201WithLocation() {
        RestTestServer.Answer answer = worker.put("/connectors/src10/config",
                "{\"connector.class\":\"" + SCRIPTED + "\",\"topic\":\"t10\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Location")).isEqualTo(worker.server.serverUrl().resolve("/connectors/src10").toString());
        assertThat(answer.json()).isEqualTo(json("{\"name\":\"src10\",\"config\":{\"connector.class\":\"" + SCRIPTED + "\","
                + "\"topic\":\"t10\",\"name\":\"src10\"},\"tasks\":[{\"connector\":\"src10\",\"task\":0}],\"type\":\"source\"}"));
    }

    @Test
    void putConfigOfAnExistingConnectorAnswers200WithoutLocation() {
        RestTestServer.Answer answer = worker.put("/connectors/src/config",
                "{\"connector.class\":\"" + SCRIPTED + "\",\"topic\":\"t10b\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Location")).isNull();
        assertThat(answer.json().get("config").get("topic").asText()).isEqualTo("t10b");
    }

    @Test
    void putConfigNamingAnotherConnectorIsRefused() {
        RestTestServer.Answer answer = worker.put("/connectors/x2/config",
                "{\"connector.class\":\"" + SCRIPTED + "\",\"name\":\"other\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":400,\"message\":"
                + "\"Connector name configuration (other) doesn't match connector name in the URL (x2)\"}"));
    }

    @Test
    void aNameWithAControlCharacterInThePathIsABadRequest() {
        RestTestServer.Answer answer = worker.put("/connectors/bad%7Fname/config", "{\"connector.class\":\"" + SCRIPTED + "\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/json");
        assertThat(answer.json().get("error_code").asInt()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).startsWith("HTTP 400 Bad Request");
    }

    @Test
    void patchConfigMergesAndRemovesNullProperties() {
        worker.create("src10", Map.of("connector.class", SCRIPTED, "topic", "t10b", "file", "/tmp/f"));

        RestTestServer.Answer answer = worker.patch("/connectors/src10/config", "{\"topic\":\"t10c\",\"file\":null}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("config")).isEqualTo(json(
                "{\"connector.class\":\"" + SCRIPTED + "\",\"topic\":\"t10c\",\"name\":\"src10\"}"));
    }

    @Test
    void patchConfigOfAnUnknownConnectorIs404() {
        RestTestServer.Answer answer = worker.patch("/connectors/nope/config", "{\"topic\":\"x\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"Connector nope not found\"}"));
    }

    @Test
    void patchConfigMayNotRenameTheConnector() {
        RestTestServer.Answer answer = worker.patch("/connectors/src/config", "{\"name\":\"zz\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("Connector name configuration (zz) doesn't match connector name in the URL (src)");
    }

    @Test
    void deleteAnswers204AndRemovesTheConnector() {
        RestTestServer.Answer answer = worker.delete("/connectors/src");

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.body()).isEmpty();
        assertThat(worker.get("/connectors").json()).isEqualTo(json("[]"));
    }

    @Test
    void deleteOfAnUnknownConnectorIs404() {
        RestTestServer.Answer answer = worker.delete("/connectors/nope");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"Connector nope not found\"}"));
    }

    @Test
    void statusAnswersConnectorAndTaskStates() {
        String id = worker.server.workerId();

        RestTestServer.Answer answer = worker.get("/connectors/src/status");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(json("{\"name\":\"src\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\""
                + id + "\",\"version\":\"" + VERSION + "\"},\"tasks\":[{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\""
                + id + "\",\"version\":\"" + VERSION + "\"}],\"type\":\"source\"}"));
    }

    @Test
    void statusOfAnUnknownConnectorIs404() {
        RestTestServer.Answer answer = worker.get("/connectors/nope/status");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"No status found for connector nope\"}"));
    }

    @Test
    void pauseAnswers202WithoutBody() {
        RestTestServer.Answer answer = worker.put("/connectors/src/pause", null);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body()).isEmpty();
        worker.awaitState("src", "PAUSED", 1);
    }

    @Test
    void resumeAnswers202() {
        worker.put("/connectors/src/pause", null);
        worker.awaitState("src", "PAUSED", 1);

        RestTestServer.Answer answer = worker.put("/connectors/src/resume", null);

        assertThat(answer.status()).isEqualTo(202);
        worker.awaitState("src", "RUNNING", 1);
    }

    @Test
    void stopAnswers204() {
        RestTestServer.Answer answer = worker.put("/connectors/src/stop", null);

        assertThat(answer.status()).isEqualTo(204);
        worker.awaitState("src", "STOPPED", 0);
    }

    @Test
    void pauseOfAnUnknownConnectorIs404() {
        RestTestServer.Answer answer = worker.put("/connectors/nope/pause", null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"Unknown connector nope\"}"));
    }

    @Test
    void plainRestartAnswers204() {
        RestTestServer.Answer answer = worker.post("/connectors/src/restart", null);

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void restartWithTasksAnswers202WithTheRestartingStatuses() {
        RestTestServer.Answer answer = worker.post("/connectors/src/restart?includeTasks=true", null);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("connector").get("state").asText()).isEqualTo("RESTARTING");
        assertThat(answer.json().get("tasks").get(0).get("state").asText()).isEqualTo("RESTARTING");
    }

    @Test
    void restartOnlyFailedAnswers202() {
        RestTestServer.Answer answer = worker.post("/connectors/src/restart?includeTasks=true&onlyFailed=true", null);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("connector").get("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void restartFlagsThatAreNotTrueCountAsFalse() {
        RestTestServer.Answer answer = worker.post("/connectors/src/restart?includeTasks=maybe", null);

        assertThat(answer.status()).isEqualTo(204);
    }

    @Test
    void restartWithTasksOfAnUnknownConnectorIs404() {
        RestTestServer.Answer answer = worker.post("/connectors/nope/restart?includeTasks=true", null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"Unknown connector: nope\"}"));
    }
}
