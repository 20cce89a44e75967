package io.tributary.connect.rest.distributed;

import static io.tributary.connect.rest.distributed.DistributedRestFixture.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connect.e2e.RestClient;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import io.tributary.connect.testkit.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two workers serving their REST API over HTTPS only and requiring client certificates: what the follower must
 * send to the leader (a create, the task configs of a connector it runs) and what goes to the worker running a
 * task (its restart) travels over TLS, the calling worker presenting its own certificate.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributedHttpsTest {

    private TwoWorkerCluster cluster;
    private DistributedRestFixture fixture;
    private SSLContext operatorTls;

    @BeforeAll
    void startCluster(KafkaBroker broker) throws Exception {
        Path dir = Files.createTempDirectory("rest-https");
        TestCertificates tls = TestCertificates.create(dir.resolve("ca"));
        TestCertificates.Identity worker = tls.issue("worker", "dns:localhost", "ip:127.0.0.1");
        Map<String, String> props = new HashMap<>();
        props.put("listeners", "https://localhost:0");
        props.put("ssl.keystore.type", "PKCS12");
        props.put("ssl.keystore.location", worker.keystore("PKCS12").toString());
        props.put("ssl.keystore.password", TestCertificates.PASSWORD);
        props.put("ssl.truststore.type", "PEM");
        props.put("ssl.truststore.location", tls.truststore("PEM").toString());
        props.put("ssl.client.auth", "required");
        operatorTls = tls.clientContext(tls.issue("operator"));
        cluster = TwoWorkerCluster.start(broker, props, operatorTls);
        fixture = new DistributedRestFixture(dir);
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    void bothWorkersAdvertiseHttpsAndTheLeaderUrlIsHttps() {
        assertThat(cluster.leaderWorker().rest().advertisedUrl().getScheme()).isEqualTo("https");
        assertThat(cluster.followerWorker().rest().advertisedUrl().getScheme()).isEqualTo("https");
        assertThat(cluster.follower().get("/").status()).isEqualTo(200);
    }

    @Test
    void connectorsCreatedOnTheFollowerAreWrittenByTheLeaderAndGetTheirTasksWhereverTheyRun() {
        List<String> names = List.of(uniqueName("tls-a"), uniqueName("tls-b"));
        for (String name : names) {
            RestClient.Response created = cluster.follower().post("/connectors",
                    "{\"name\":\"" + name + "\",\"config\":" + fixture.sourceConfig(name) + "}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        for (String name : names) {
            DistributedRestFixture.awaitTaskState(cluster.leader(), name, "RUNNING");
        }

        // With two connectors on two workers, one runs on the follower: its task configs went to the leader.
        String followerId = workerId(cluster.followerWorker().rest().advertisedUrl().toString());
        assertThat(names).anySatisfy(name -> assertThat(connectorWorker(name)).isEqualTo(followerId));
    }

    @Test
    void aTaskRestartSentToTheWorkerNotRunningItReachesTheOneThatDoes() {
        String name = uniqueName("tls-restart");
        fixture.createRunning(cluster.leader(), name, fixture.sourceConfig(name));
        String runningOn = cluster.leader().get("/connectors/" + name + "/status").json()
                .get("tasks").get(0).get("worker_id").asText();
        RestClient other = runningOn.equals(workerId(cluster.leaderWorker().rest().advertisedUrl().toString()))
                ? cluster.follower() : cluster.leader();

        RestClient.Response restarted = other.post("/connectors/" + name + "/tasks/0/restart", null);

        assertThat(restarted.status()).as(restarted.body()).isEqualTo(204);
    }

    @Test
    void aCreatedConnectorsLocationIsAnHttpsUrl() throws Exception {
        String name = uniqueName("tls-location");
        URI follower = cluster.followerWorker().rest().advertisedUrl();
        HttpRequest create = HttpRequest.newBuilder(follower.resolve("/connectors")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"config\":"
                        + fixture.sourceConfig(name) + "}")).build();

        HttpResponse<String> created = HttpClient.newBuilder().sslContext(operatorTls).build()
                .send(create, HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(follower.resolve("/connectors/" + name).toString());
    }

    private String connectorWorker(String name) {
        JsonNode status = cluster.leader().get("/connectors/" + name + "/status").json();
        return status.get("connector").get("worker_id").asText();
    }

    private static String workerId(String advertisedUrl) {
        return advertisedUrl.replaceFirst("^https://", "").replaceFirst("/$", "");
    }
}
