package io.tributary.connect.rest.distributed;

import static io.tributary.connect.rest.distributed.DistributedRestFixture.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connect.e2e.RestClient;
import io.tributary.connect.rest.TokenRestExtension;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two workers behind a REST extension that demands a token in the Authorization header: a client's request sent
 * to the follower is forwarded to the leader with the client's header, and the task configs a follower sends the
 * leader (an internal request, which such filters let through) are accepted, so connectors on either worker run.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributedRestExtensionTest {

    private static final String TOKEN = "Bearer cluster-secret";

    private TwoWorkerCluster cluster;
    private DistributedRestFixture fixture;

    @BeforeAll
    void startCluster(KafkaBroker broker) throws Exception {
        cluster = TwoWorkerCluster.start(broker, Map.of("rest.extension.classes", TokenRestExtension.class.getName(),
                TokenRestExtension.TOKEN_CONFIG, "cluster-secret"));
        fixture = new DistributedRestFixture(Files.createTempDirectory("rest-ext"));
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    void bothWorkersRefuseAClientWithoutTheToken() {
        for (RestClient client : cluster.both()) {
            assertThat(client.get("/connectors").status()).isEqualTo(401);
            assertThat(client.withAuthorization("Bearer wrong").get("/connectors").status()).isEqualTo(401);
            assertThat(client.withAuthorization(TOKEN).get("/connectors").status()).isEqualTo(200);
        }
    }

    @Test
    void aCreateSentToTheFollowerIsForwardedWithTheClientsAuthorizationAndAccepted() {
        String name = uniqueName("fwd");
        RestClient follower = cluster.follower().withAuthorization(TOKEN);

        RestClient.Response created = follower.post("/connectors",
                "{\"name\":\"" + name + "\",\"config\":" + fixture.sourceConfig(name) + "}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo(name);
        RestClient leader = cluster.leader().withAuthorization(TOKEN);
        TwoWorkerCluster.await(name + " listed by the leader", () -> leader.get("/connectors").body().contains(name));
    }

    @Test
    void aWriteSentToTheFollowerWithoutTheTokenIsRefusedThere() {
        String name = uniqueName("refused");

        RestClient.Response refused = cluster.follower().post("/connectors",
                "{\"name\":\"" + name + "\",\"config\":" + fixture.sourceConfig(name) + "}");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(cluster.leader().withAuthorization(TOKEN).get("/connectors").body()).doesNotContain(name);
    }

    @Test
    void connectorsOnTheFollowerRunTheirTasksBecauseTheLeaderAcceptsTheirTaskConfigs() {
        RestClient follower = cluster.follower().withAuthorization(TOKEN);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = uniqueName("spread");
            names.add(name);
            RestClient.Response created = follower.post("/connectors",
                    "{\"name\":\"" + name + "\",\"config\":" + fixture.sourceConfig(name) + "}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }

        Set<String> connectorWorkers = new HashSet<>();
        for (String name : names) {
            DistributedRestFixture.awaitTaskState(follower, name, "RUNNING");
            JsonNode status = follower.get("/connectors/" + name + "/status").json();
            connectorWorkers.add(status.get("connector").get("worker_id").asText());
        }
        assertThat(connectorWorkers).as("connectors spread over both workers, so the follower generated task configs")
                .contains(cluster.followerWorker().rest().workerId());
    }
}
