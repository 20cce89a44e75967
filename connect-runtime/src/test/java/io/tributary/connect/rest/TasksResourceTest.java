package io.tributary.connect.rest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.tributary.connect.rest.RestTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** /connectors/{name}/tasks: task configs, a task's status, restarting a task. */
class TasksResourceTest {

    private static RestTestServer rest;

    @BeforeAll
    static void start() {
        rest = RestTestServer.ready();
    }

    @AfterAll
    static void stop() {
        rest.close();
    }

    @BeforeEach
    void oneConnector() {
        rest.herder.reset();
        rest.herder.add("src", Map.of("connector.class", "FileStreamSource", "topic", "t"));
    }

    @Test
    void tasksAnswersEachTasksIdAndConfig() {
        RestTestServer.Answer answer = rest.get("/connectors/src/tasks");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(json("[{\"id\":{\"connector\":\"src\",\"task\":0},\"config\":"
                + "{\"connector.class\":\"FileStreamSource\",\"topic\":\"t\",\"name\":\"src\","
                + "\"task.class\":\"FileStreamSourceTask\"}}]"));
    }

    @Test
    void tasksOfAStoppedConnectorIsAnEmptyList() {
        rest.put("/connectors/src/stop", null);

        assertThat(rest.get("/connectors/src/tasks").json()).isEqualTo(json("[]"));
    }

    @Test
    void tasksOfAnUnknownConnectorIs404() {
        RestTestServer.Answer answer = rest.get("/connectors/nope/tasks");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"Connector nope not found\"}"));
    }

    @Test
    void taskStatusAnswersTheTaskState() {
        RestTestServer.Answer answer = rest.get("/connectors/src/tasks/0/status");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(json("{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\""
                + rest.server.workerId() + "\",\"version\":\"4.1.1\"}"));
    }

    @Test
    void statusOfAnUnknownTaskIs404() {
        RestTestServer.Answer answer = rest.get("/connectors/src/tasks/5/status");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"No status found for task src-5\"}"));
    }

    @Test
    void aTaskIdThatIsNotANumberIsAnUnknownPath() {
        RestTestServer.Answer answer = rest.get("/connectors/src/tasks/abc/status");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}"));
    }

    @Test
    void restartTaskAnswers204() {
        RestTestServer.Answer answer = rest.post("/connectors/src/tasks/0/restart", null);

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void restartOfAnUnknownTaskIs404() {
        RestTestServer.Answer answer = rest.post("/connectors/src/tasks/9/restart", null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"Task src-9 not found\"}"));
    }
}
