package io.tributary.connect.rest.distributed;

import static io.tributary.connect.rest.distributed.DistributedRestFixture.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.e2e.RestClient;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Offsets and active-topics endpoints of a distributed worker, through the leader and the follower. */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributedOffsetsAndTopicsEndpointsTest {

    private TwoWorkerCluster cluster;
    private DistributedRestFixture fixture;
    private KafkaBroker broker;

    @BeforeAll
    void startCluster(KafkaBroker broker) throws Exception {
        cluster = TwoWorkerCluster.start(broker);
        this.broker = broker;
        fixture = new DistributedRestFixture(Files.createTempDirectory("rest-dist"));
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    void sourceOffsetsAreReadableThroughBothWorkersOnceCommitted() {
        String name = uniqueName("offsets");
        broker.createTopic(name);
        fixture.createRunning(cluster.leader(), name, fixture.sourceConfig(name));
        for (RestClient client : cluster.both()) {
            TwoWorkerCluster.await("committed offsets of " + name, () -> {
                RestClient.Response answer = client.get("/connectors/" + name + "/offsets");
                return answer.status() == 200 && answer.json().get("offsets").size() == 1;
            });
        }
    }

    @Test
    void alteringOrResettingOffsetsOfARunningConnectorIsABadRequestThroughEitherWorker() {
        String name = uniqueName("running");
        fixture.createRunning(cluster.leader(), name, fixture.sourceConfig(name));
        for (RestClient client : cluster.both()) {
            RestClient.Response altered = client.send("PATCH", "/connectors/" + name + "/offsets",
                    "{\"offsets\":[{\"partition\":{\"filename\":\"x\"},\"offset\":{\"position\":1}}]}");
            RestClient.Response reset = client.delete("/connectors/" + name + "/offsets");

            assertThat(altered.status()).as(altered.body()).isEqualTo(400);
            assertThat(altered.json().get("message").asText())
                    .startsWith("Connectors must be in the STOPPED state before");
            assertThat(reset.status()).as(reset.body()).isEqualTo(400);
        }
    }

    @Test
    void sourceOffsetsOfAStoppedConnectorAreAlteredThenResetThroughTheFollower() {
        String name = uniqueName("alter");
        RestClient follower = cluster.follower();
        fixture.createRunning(follower, name, fixture.sourceConfig(name));
        assertThat(follower.put("/connectors/" + name + "/stop", null).status()).isEqualTo(204);
        DistributedRestFixture.awaitConnectorState(cluster.leader(), name, "STOPPED");

        RestClient.Response altered = follower.send("PATCH", "/connectors/" + name + "/offsets",
                "{\"offsets\":[{\"partition\":{\"filename\":\"x\"},\"offset\":{\"position\":7}}]}");
        assertThat(altered.status()).as(altered.body()).isEqualTo(200);
        assertThat(altered.json().get("message").asText())
                .isEqualTo("The offsets for this connector have been altered successfully");
        TwoWorkerCluster.await("the altered offset", () ->
                cluster.leader().get("/connectors/" + name + "/offsets").body().contains("\"position\":7"));

        RestClient.Response reset = follower.delete("/connectors/" + name + "/offsets");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().get("message").asText())
                .isEqualTo("The offsets for this connector have been reset successfully");
    }

    @Test
    void sinkOffsetsOfAStoppedConnectorAreResetThroughEitherWorker() {
        for (RestClient client : cluster.both()) {
            String name = uniqueName("sink");
            fixture.createRunning(client, name, fixture.sinkConfig(name));
            assertThat(client.put("/connectors/" + name + "/stop", null).status()).isEqualTo(204);
            DistributedRestFixture.awaitConnectorState(client, name, "STOPPED");

            RestClient.Response offsets = client.get("/connectors/" + name + "/offsets");
            RestClient.Response reset = client.delete("/connectors/" + name + "/offsets");

            assertThat(offsets.status()).as(offsets.body()).isEqualTo(200);
            assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        }
    }

    @Test
    void activeTopicsAreSeenByBothWorkersAndResetThroughTheFollower() {
        String name = uniqueName("topics");
        broker.createTopic(name);
        fixture.createRunning(cluster.leader(), name, fixture.sourceConfig(name));
        for (RestClient client : cluster.both()) {
            TwoWorkerCluster.await("active topic of " + name,
                    () -> client.get("/connectors/" + name + "/topics").body().contains("[\"" + name + "\"]"));
        }
        cluster.follower().put("/connectors/" + name + "/stop", null);
        DistributedRestFixture.awaitConnectorState(cluster.leader(), name, "STOPPED");

        assertThat(cluster.follower().put("/connectors/" + name + "/topics/reset", null).status()).isEqualTo(202);

        TwoWorkerCluster.await("topics of " + name + " reset on the leader", () ->
                cluster.leader().get("/connectors/" + name + "/topics").json().get(name).get("topics").isEmpty());
    }

    @Test
    void topicsOfAnUnknownConnectorAreEmptyThroughEitherWorker() {
        for (RestClient client : cluster.both()) {
            RestClient.Response answer = client.get("/connectors/nope/topics");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("nope").get("topics")).isEmpty();
        }
    }
}
