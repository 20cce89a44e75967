package io.tributary.connect.rest.distributed;

import static io.tributary.connect.rest.distributed.DistributedRestFixture.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.e2e.RestClient;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The 409 answers of a cluster whose workers disagree about who leads (as during a rebalance): a request
 * already forwarded once ({@code forward=false}) that reaches a non-leader is refused, not forwarded again.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributedConflictsTest {

    private static final String CONFLICT =
            "Cannot complete request because of a conflicting operation (e.g. worker rebalance)";

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
    void aCreateForwardedToANonLeaderIsAConflict() {
        String name = uniqueName("conflict");
        RestClient.Response answer = cluster.follower().post("/connectors?forward=false",
                "{\"name\":\"" + name + "\",\"config\":" + fixture.sourceConfig(name) + "}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("message").asText()).isEqualTo(CONFLICT);
        assertThat(cluster.leader().get("/connectors/" + name).status()).isEqualTo(404);
    }

    @Test
    void leaderOnlyWritesForwardedToANonLeaderAreConflicts() {
        String name = uniqueName("writes");
        fixture.createRunning(cluster.leader(), name, fixture.sourceConfig(name));
        RestClient follower = cluster.follower();
        String[][] requests = {{"PUT", "/connectors/" + name + "/config?forward=false"},
            {"DELETE", "/connectors/" + name + "?forward=false"}, {"PUT", "/connectors/" + name + "/stop?forward=false"}};
        for (String[] request : requests) {
            String body = request[0].equals("PUT") && request[1].contains("/config") ? fixture.sourceConfig(name) : null;
            RestClient.Response answer = follower.send(request[0], request[1], body);

            assertThat(answer.status()).as(request[0] + " " + request[1]).isEqualTo(409);
            assertThat(answer.json().get("message").asText()).isEqualTo(CONFLICT);
        }
    }

    /**
     * A plain restart goes, as in Kafka Connect, to the worker that runs the connector (by way of the leader), not
     * to the leader: Kafka Connect's leader sends it on with {@code forward=false}, which the owner must serve.
     */
    @Test
    void aPlainRestartForwardedTwiceIsServedByTheWorkerRunningTheConnectorAndRefusedByTheOther() {
        String name = uniqueName("restart");
        fixture.createRunning(cluster.leader(), name, fixture.sourceConfig(name));
        String owner = cluster.leader().get("/connectors/" + name + "/status").json()
                .path("connector").path("worker_id").asText();
        List<RestClient> both = cluster.both();
        RestClient running = both.stream().filter(c -> hostAndPort(c).equals(owner)).findFirst().orElseThrow();
        RestClient other = both.stream().filter(c -> c != running).findFirst().orElseThrow();

        RestClient.Response served = running.post("/connectors/" + name + "/restart?forward=false", null);
        RestClient.Response refused = other.post("/connectors/" + name + "/restart?forward=false", null);

        assertThat(served.status()).as(served.body()).isEqualTo(204);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).isEqualTo(CONFLICT);
        for (RestClient client : cluster.both()) {
            assertThat(client.post("/connectors/" + name + "/restart", null).status()).isEqualTo(204);
            assertThat(client.post("/connectors/" + name + "/tasks/0/restart", null).status()).isEqualTo(204);
        }
    }

    private static String hostAndPort(RestClient client) {
        return client.base().getHost() + ":" + client.base().getPort();
    }

    @Test
    void theLeaderServesAForwardedWriteItself() {
        String name = uniqueName("served");
        RestClient.Response answer = cluster.leader().post("/connectors?forward=false",
                "{\"name\":\"" + name + "\",\"config\":" + fixture.sourceConfig(name) + "}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }
}
