package io.tributary.connect.rest;

import io.tributary.connect.herder.ScriptedSourceConnector;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.tributary.connect.rest.RestTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** GET and POST /connectors of a real standalone worker, answered as Kafka Connect 4.1.1 answers them. */
@ExtendWith(KafkaBrokerExtension.class)
class ConnectorsResourceTest {

    /** An idle source whose task stops at once (a FileStreamSource task takes a second to leave its poll). */
    private static final String SCRIPTED = ScriptedSourceConnector.class.getName();
    private static final String VERSION = "9.9.9-test";
    private static final Map<String, String> SOURCE = Map.of("connector.class", SCRIPTED, "topic", "t");
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

    @AfterEach
    void deleteConnectors() {
        worker.deleteAllConnectors();
    }

    @Test
    void listsConnectorNamesInTheHerdersOrder() {
        worker.create("b", SOURCE);
        worker.create("a", SOURCE);

        RestTestServer.Answer answer = worker.get("/connectors");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(json("[\"b\",\"a\"]"));
    }

    @Test
    void expandStatusAddsEachConnectorsStatus() {
        worker.create("src", SOURCE);
        String id = worker.server.workerId();

        RestTestServer.Answer answer = worker.get("/connectors?expand=status");

        assertThat(answer.json()).isEqualTo(json("{\"src\":{\"status\":{\"name\":\"src\","
                + "\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"" + id + "\",\"version\":\"" + VERSION + "\"},"
                + "\"tasks\":[{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\"" + id + "\",\"version\":\"" + VERSION + "\"}],"
                + "\"type\":\"source\"}}}"));
    }

    @Test
    void expandInfoAddsEachConnectorsInfo() {
        worker.create("src", SOURCE);

        RestTestServer.Answer answer = worker.get("/connectors?expand=info");

        assertThat(answer.json()).isEqualTo(json("{\"src\":{\"info\":{\"name\":\"src\",\"config\":"
                + "{\"connector.class\":\"" + SCRIPTED + "\",\"topic\":\"t\",\"name\":\"src\"},"
                + "\"tasks\":[{\"connector\":\"src\",\"task\":0}],\"type\":\"source\"}}}"));
    }

    @Test
    void expandInfoAndStatusTogetherAddsBoth() {
        worker.create("src", SOURCE);

        RestTestServer.Answer answer = worker.get("/connectors?expand=info&expand=status");

        assertThat(answer.json().get("src").fieldNames()).toIterable().containsExactly("info", "status");
    }

    @Test
    void unknownExpandGivesEmptyObjects() {
        worker.create("a", SOURCE);
        worker.create("b", SOURCE);

        RestTestServer.Answer answer = worker.get("/connectors?expand=bogus");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(json("{\"a\":{},\"b\":{}}"));
    }

    @Test
    void createAnswers201WithLocationAndTheConnectorInfo() {
        RestTestServer.Answer answer = worker.post("/connectors",
                "{\"name\":\"src2\",\"config\":{\"connector.class\":\"" + SCRIPTED + "\",\"file\":\"/tmp/in.txt\",\"topic\":\"t2\"}}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Location")).isEqualTo(worker.server.serverUrl().resolve("/connectors/src2").toString());
        assertThat(answer.json()).isEqualTo(json("{\"name\":\"src2\",\"config\":{\"connector.class\":\"" + SCRIPTED + "\","
                + "\"file\":\"/tmp/in.txt\",\"topic\":\"t2\",\"name\":\"src2\"},"
                + "\"tasks\":[{\"connector\":\"src2\",\"task\":0}],\"type\":\"source\"}"));
    }

    @Test
    void createFillsInTheConfigName() {
        // Apache's standalone herder answers the request's order with "name" last; ours keeps no order.
        RestTestServer.Answer answer = worker.post("/connectors",
                "{\"name\":\"src\",\"config\":{\"connector.class\":\"" + SCRIPTED + "\",\"topic\":\"t\"}}");

        assertThat(answer.json().get("config").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("connector.class", "topic", "name");
        assertThat(answer.json().get("config").get("name").asText()).isEqualTo("src");
    }

    @Test
    void createOfAnExistingConnectorIsAConflict() {
        worker.create("src2", SOURCE);

        RestTestServer.Answer answer = worker.post("/connectors",
                "{\"name\":\"src2\",\"config\":{\"connector.class\":\"" + SCRIPTED + "\",\"topic\":\"t2\"}}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":409,\"message\":\"Connector src2 already exists\"}"));
    }

    @Test
    void createWithAConfigNamingAnotherConnectorIsRefused() {
        RestTestServer.Answer answer = worker.post("/connectors",
                "{\"name\":\"src9\",\"config\":{\"connector.class\":\"" + SCRIPTED + "\",\"topic\":\"t\",\"name\":\"other\"}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":400,\"message\":"
                + "\"Connector name configuration (other) doesn't match connector name in the URL (src9)\"}"));
    }

    @Test
    void createTrimsBlanksAroundTheName() {
        RestTestServer.Answer answer = worker.post("/connectors",
                "{\"name\":\"  y1 \",\"config\":{\"connector.class\":\"" + SCRIPTED + "\",\"topic\":\"t\"}}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("name").asText()).isEqualTo("y1");
    }

    @Test
    void createWithoutANameIsRefusedAsAnEmptyName() {
        RestTestServer.Answer answer = worker.post("/connectors",
                "{\"config\":{\"connector.class\":\"" + SCRIPTED + "\",\"topic\":\"t\"}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":400,\"message\":\"Connector configuration is invalid and "
                + "contains the following 1 error(s):\\nInvalid value  for configuration name: String may not be empty\\n"
                + "You can also find the above list of errors at the endpoint "
                + "`/connector-plugins/{connectorType}/config/validate`\"}"));
    }

    @Test
    void createWithControlCharactersInTheNameIsRefused() {
        RestTestServer.Answer answer = worker.post("/connectors",
                "{\"name\":\"new\\nline\",\"config\":{\"connector.class\":\"" + SCRIPTED + "\",\"topic\":\"t\"}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).contains(
                "Invalid value new\nline for configuration name: String may not contain control sequences "
                        + "but had the following ASCII chars: 10");
    }

    @Test
    void createAcceptsLongNamesAsKafkaConnectDoes() {
        String name = "a".repeat(300);

        RestTestServer.Answer answer = worker.post("/connectors",
                "{\"name\":\"" + name + "\",\"config\":{\"connector.class\":\"" + SCRIPTED + "\",\"topic\":\"t\"}}");

        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void createPausedStartsNoTasks() {
        RestTestServer.Answer answer = worker.post("/connectors", "{\"name\":\"src7\",\"config\":"
                + "{\"connector.class\":\"" + SCRIPTED + "\",\"topic\":\"t\"},\"initial_state\":\"PAUSED\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json()).isEqualTo(json("{\"name\":\"src7\",\"config\":{\"connector.class\":\"" + SCRIPTED + "\","
                + "\"topic\":\"t\",\"name\":\"src7\"},\"tasks\":[],\"type\":\"source\"}"));
    }

    @Test
    void createWithAnUnknownInitialStateNamesTheAllowedValues() {
        RestTestServer.Answer answer = worker.post("/connectors", "{\"name\":\"src8\",\"config\":"
                + "{\"connector.class\":\"" + SCRIPTED + "\",\"topic\":\"t\"},\"initial_state\":\"WHAT\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":400,\"message\":"
                + "\"Invalid initial_state 'WHAT': it must be one of RUNNING, PAUSED or STOPPED\"}"));
    }

    @Test
    void createWithoutAConfigIsABadRequest() {
        RestTestServer.Answer answer = worker.post("/connectors", "{\"name\":\"x1\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).startsWith("Request body has no \"config\" object");
    }

    @Test
    void createWithoutABodyIsABadRequest() {
        RestTestServer.Answer answer = worker.post("/connectors", "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).startsWith("Request body is missing");
    }

    @Test
    void createWithANullConfigValueNamesTheProperty() {
        RestTestServer.Answer answer = worker.post("/connectors",
                "{\"name\":\"y2\",\"config\":{\"connector.class\":\"" + SCRIPTED + "\",\"file\":null}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("Connector configuration property \"file\" is null: give it a value or leave it out");
    }

    @Test
    void createTurnsNumberAndBooleanConfigValuesIntoStrings() {
        RestTestServer.Answer answer = worker.post("/connectors", "{\"name\":\"x2\",\"config\":"
                + "{\"connector.class\":\"" + SCRIPTED + "\",\"tasks.max\":1,\"enabled\":true}}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("config").get("tasks.max").isTextual()).isTrue();
        assertThat(answer.json().get("config").get("enabled").asText()).isEqualTo("true");
    }

    @Test
    void createPassesTheHerdersValidationErrorsThrough() {
        RestTestServer.Answer answer = worker.post("/connectors", "{\"name\":\"src5\",\"config\":{\"file\":\"/tmp/x\"}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).isEqualTo("Connector config {file=/tmp/x, name=src5} contains "
                + "no connector type: set connector.class to the connector's class name or alias");
    }
}
