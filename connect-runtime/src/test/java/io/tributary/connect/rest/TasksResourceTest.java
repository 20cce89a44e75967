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

/** /connectors/{name}/tasks of a real standalone worker: task configs, a task's status, restarting a task. */
@ExtendWith(KafkaBrokerExtension.class)
class TasksResourceTest {

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
    void tasksAnswersEachTasksIdAndConfig() {
        RestTestServer.Answer answer = worker.get("/connectors/src/tasks");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(json("[{\"id\":{\"connector\":\"src\",\"task\":0},\"config\":"
                + "{\"connector.class\":\"" + SCRIPTED + "\",\"topic\":\"t\",\"name\":\"src\","
                + "\"task.class\":\"" + SCRIPTED + "$ScriptedTask\"}}]"));
    }

    @Test
    void tasksOfAStoppedConnectorIsAnEmptyList() {
        worker.put("/connectors/src/stop", null);

        assertThat(worker.get("/connectors/src/tasks").json()).isEqualTo(json("[]"));
    }

    @Test
    void tasksOfAnUnknownConnectorIs404() {
        RestTestServer.Answer answer = worker.get("/connectors/nope/tasks");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"Connector nope not found\"}"));
    }

    @Test
    void taskStatusAnswersTheTaskState() {
        RestTestServer.Answer answer = worker.get("/connectors/src/tasks/0/status");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(json("{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\""
                + worker.server.workerId() + "\",\"version\":\"" + VERSION + "\"}"));
    }

    @Test
    void statusOfAnUnknownTaskIs404() {
        RestTestServer.Answer answer = worker.get("/connectors/src/tasks/5/status");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"No status found for task src-5\"}"));
    }

    @Test
    void aTaskIdThatIsNotANumberIsAnUnknownPath() {
        RestTestServer.Answer answer = worker.get("/connectors/src/tasks/abc/status");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}"));
    }

    @Test
    void restartTaskAnswers204() {
        RestTestServer.Answer answer = worker.post("/connectors/src/tasks/0/restart", null);

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void restartOfAnUnknownTaskIs404() {
        RestTestServer.Answer answer = worker.post("/connectors/src/tasks/9/restart", null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"Task src-9 not found\"}"));
    }
}
