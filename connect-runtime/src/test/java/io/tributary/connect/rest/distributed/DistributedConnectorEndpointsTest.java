package io.tributary.connect.rest.distributed;

import static io.tributary.connect.rest.distributed.DistributedRestFixture.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connect.e2e.RestClient;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The connector endpoints of a distributed worker over real HTTP, each sent through the leader and through
 * the follower (which forwards the leader's writes): answers must match Kafka Connect's in both cases.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributedConnectorEndpointsTest {

    private TwoWorkerCluster cluster;
    private DistributedRestFixture fixture;

    @BeforeAll
    void startCluster(KafkaBroker broker) throws Exception {
        cluster = TwoWorkerCluster.start(broker);
        fixture = new DistributedRestFixture(Files.createTempDirectory("rest-dist"));
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    void rootAndHealthAnswerOnBothWorkers() {
        for (RestClient client : cluster.both()) {
            RestClient.Response root = client.get("/");
            assertThat(root.status()).isEqualTo(200);
            assertThat(root.json().has("version")).isTrue();
            assertThat(root.json().get("kafka_cluster_id").asText()).isNotEmpty();
            RestClient.Response health = client.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("healthy");
        }
    }

    @Test
    void aConnectorCreatedThroughEitherWorkerIsAnswered201AndListedByBoth() {
        for (RestClient creator : cluster.both()) {
            String name = uniqueName("create");
            RestClient.Response created = creator.post("/connectors",
                    "{\"name\":\"" + name + "\",\"config\":" + fixture.sourceConfig(name) + "}");

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().get("name").asText()).isEqualTo(name);
            assertThat(created.json().get("type").asText()).isEqualTo("source");
            for (RestClient reader : cluster.both()) {
                TwoWorkerCluster.await(name + " listed", () -> reader.get("/connectors").body().contains(name));
            }
        }
    }

    @Test
    void aDuplicateCreateIsAConflictThroughEitherWorker() {
        String name = uniqueName("dup");
        fixture.createRunning(cluster.leader(), name, fixture.sourceConfig(name));
        for (RestClient client : cluster.both()) {
            RestClient.Response again = client.post("/connectors",
                    "{\"name\":\"" + name + "\",\"config\":" + fixture.sourceConfig(name) + "}");

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("message").asText()).isEqualTo("Connector " + name + " already exists");
        }
    }

    @Test
    void anInvalidConfigIsABadRequestThroughEitherWorker() {
        for (RestClient client : cluster.both()) {
            RestClient.Response answer = client.post("/connectors",
                    "{\"name\":\"" + uniqueName("bad") + "\",\"config\":{\"connector.class\":\"NoSuchConnector\"}}");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("error_code").asInt()).isEqualTo(400);
        }
    }

    @Test
    void malformedJsonIsABadRequestThroughEitherWorker() {
        for (RestClient client : cluster.both()) {
            RestClient.Response answer = client.post("/connectors", "{\"name\":");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("error_code").asInt()).isEqualTo(400);
        }
    }

    @Test
    void unknownConnectorsAre404OnEveryEndpointThroughEitherWorker() {
        String[][] requests = {{"GET", "/connectors/nope"}, {"GET", "/connectors/nope/config"},
            {"GET", "/connectors/nope/status"}, {"GET", "/connectors/nope/tasks"},
            {"GET", "/connectors/nope/tasks/0/status"}, {"POST", "/connectors/nope/restart"},
            {"POST", "/connectors/nope/tasks/0/restart"}, {"PUT", "/connectors/nope/pause"},
            {"PUT", "/connectors/nope/resume"}, {"PUT", "/connectors/nope/stop"}, {"DELETE", "/connectors/nope"},
            {"GET", "/connectors/nope/offsets"}, {"DELETE", "/connectors/nope/offsets"}};
        for (RestClient client : cluster.both()) {
            for (String[] request : requests) {
                RestClient.Response answer = client.send(request[0], request[1], null);

                assertThat(answer.status()).as(request[0] + " " + request[1] + ": " + answer.body()).isEqualTo(404);
            }
            assertThat(client.send("PATCH", "/connectors/nope/config", "{\"tasks.max\":\"2\"}").status())
                    .isEqualTo(404);
        }
    }

    @Test
    void expandAddsStatusAndInfoOnBothWorkers() {
        String name = uniqueName("expand");
        fixture.createRunning(cluster.leader(), name, fixture.sourceConfig(name));
        for (RestClient client : cluster.both()) {
            JsonNode expanded = client.get("/connectors?expand=status&expand=info").json().get(name);

            assertThat(expanded.get("info").get("name").asText()).isEqualTo(name);
            assertThat(expanded.get("status").get("connector").get("state").asText()).isEqualTo("RUNNING");
        }
    }

    @Test
    void initialStateStoppedIsHonouredWhenCreatedThroughTheFollower() {
        String name = uniqueName("initial");
        RestClient.Response created = cluster.follower().post("/connectors", "{\"name\":\"" + name
                + "\",\"config\":" + fixture.sourceConfig(name) + ",\"initial_state\":\"STOPPED\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        DistributedRestFixture.awaitConnectorState(cluster.leader(), name, "STOPPED");
    }

    @Test
    void configPutCreatesThen201AndUpdatesThen200ThroughTheFollower() {
        String name = uniqueName("put");
        RestClient follower = cluster.follower();

        RestClient.Response created = follower.put("/connectors/" + name + "/config", fixture.sourceConfig(name));
        RestClient.Response updated = follower.put("/connectors/" + name + "/config", fixture.sourceConfig(name));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(cluster.leader().get("/connectors/" + name + "/config").json().get("topic").asText())
                .isEqualTo(name);
    }

    @Test
    void configPatchMergesThroughEitherWorker() {
        String name = uniqueName("patch");
        fixture.createRunning(cluster.leader(), name, fixture.sourceConfig(name));
        for (RestClient client : cluster.both()) {
            String topic = uniqueName("patched");
            RestClient.Response patched = client.send("PATCH", "/connectors/" + name + "/config",
                    "{\"topic\":\"" + topic + "\"}");

            assertThat(patched.status()).as(patched.body()).isEqualTo(200);
            assertThat(patched.json().get("config").get("topic").asText()).isEqualTo(topic);
            assertThat(patched.json().get("config").get("connector.class").asText()).isEqualTo("FileStreamSource");
        }
    }

    @Test
    void deleteThroughTheFollowerAnswers204AndTheLeaderForgetsTheConnector() {
        String name = uniqueName("delete");
        fixture.createRunning(cluster.leader(), name, fixture.sourceConfig(name));

        assertThat(cluster.follower().delete("/connectors/" + name).status()).isEqualTo(204);

        TwoWorkerCluster.await(name + " gone", () -> cluster.leader().get("/connectors/" + name).status() == 404);
    }

    @Test
    void connectorInfoTasksAndTaskStatusAnswerOnBothWorkers() {
        String name = uniqueName("read");
        fixture.createRunning(cluster.follower(), name, fixture.sourceConfig(name));
        for (RestClient client : cluster.both()) {
            assertThat(client.get("/connectors/" + name).json().get("tasks").get(0).get("task").asInt()).isZero();
            JsonNode tasks = client.get("/connectors/" + name + "/tasks").json();
            assertThat(tasks.get(0).get("config").get("topic").asText()).isEqualTo(name);
            JsonNode taskStatus = client.get("/connectors/" + name + "/tasks/0/status").json();
            assertThat(taskStatus.get("state").asText()).isEqualTo("RUNNING");
            assertThat(client.get("/connectors/" + name + "/tasks/9/status").status()).isEqualTo(404);
        }
    }

    @Test
    void restartsAnswerAsKafkaConnectThroughEitherWorker() {
        String name = uniqueName("restart");
        fixture.createRunning(cluster.leader(), name, fixture.sourceConfig(name));
        for (RestClient client : cluster.both()) {
            assertThat(client.post("/connectors/" + name + "/restart", null).status()).isEqualTo(204);
            RestClient.Response withTasks = client.post("/connectors/" + name + "/restart?includeTasks=true", null);
            assertThat(withTasks.status()).as(withTasks.body()).isEqualTo(202);
            assertThat(withTasks.json().get("connector").get("state").asText()).isEqualTo("RESTARTING");
            RestClient.Response onlyFailed = client.post(
                    "/connectors/" + name + "/restart?includeTasks=true&onlyFailed=true", null);
            assertThat(onlyFailed.status()).as(onlyFailed.body()).isEqualTo(202);
            DistributedRestFixture.awaitTaskState(client, name, "RUNNING");
            RestClient.Response task = client.post("/connectors/" + name + "/tasks/0/restart", null);
            assertThat(task.status()).as(task.body()).isEqualTo(204);
            assertThat(client.post("/connectors/" + name + "/tasks/7/restart", null).status()).isEqualTo(404);
        }
    }

    @Test
    void pauseResumeAndStopThroughEitherWorkerChangeTheStateSeenByBoth() {
        String name = uniqueName("states");
        fixture.createRunning(cluster.leader(), name, fixture.sourceConfig(name));
        for (RestClient client : cluster.both()) {
            assertThat(client.put("/connectors/" + name + "/pause", null).status()).isEqualTo(202);
            DistributedRestFixture.awaitTaskState(cluster.leader(), name, "PAUSED");
            assertThat(client.put("/connectors/" + name + "/resume", null).status()).isEqualTo(202);
            DistributedRestFixture.awaitTaskState(cluster.follower(), name, "RUNNING");
            assertThat(client.put("/connectors/" + name + "/stop", null).status()).isEqualTo(204);
            DistributedRestFixture.awaitConnectorState(cluster.leader(), name, "STOPPED");
            assertThat(client.put("/connectors/" + name + "/resume", null).status()).isEqualTo(202);
            DistributedRestFixture.awaitTaskState(cluster.follower(), name, "RUNNING");
        }
    }

    @Test
    void aStoppedConnectorListsNoTasksOnEitherWorker() {
        String name = uniqueName("stopped");
        fixture.createRunning(cluster.follower(), name, fixture.sourceConfig(name));
        assertThat(cluster.follower().put("/connectors/" + name + "/stop", null).status()).isEqualTo(204);
        for (RestClient client : cluster.both()) {
            DistributedRestFixture.awaitConnectorState(client, name, "STOPPED");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                RestClient.Response status = client.get("/connectors/" + name + "/status");
                assertThat(status.json().get("tasks")).as(status.body()).isEmpty();
            });
        }
    }
}
