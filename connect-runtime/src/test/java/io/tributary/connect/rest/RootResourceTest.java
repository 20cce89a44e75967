package io.tributary.connect.rest;

import io.tributary.connect.rest.resources.RestVersion;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.tributary.connect.rest.RestTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** / and /health: on a real worker when it is up, on a scripted herder for startup and a herder that hangs. */
@ExtendWith(KafkaBrokerExtension.class)
class RootResourceTest {

    @Test
    void rootAnswersVersionCommitAndKafkaClusterId(KafkaBroker kafka, @TempDir Path dir) throws Exception {
        try (LiveWorker worker = LiveWorker.start(kafka, dir); Admin admin = kafka.admin()) {
            RestTestServer.Answer answer = worker.get("/");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Content-Type")).isEqualTo("application/json");
            assertThat(answer.json().get("kafka_cluster_id").asText())
                    .isEqualTo(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS));
            assertThat(answer.json().get("version").asText()).isEqualTo(RestVersion.version()).isNotEqualTo("unknown");
            assertThat(answer.json().has("commit")).isTrue();
        }
    }

    @Test
    void healthIsHealthyOnceTheHerderIsReadyAndResponsive(KafkaBroker kafka, @TempDir Path dir) {
        try (LiveWorker worker = LiveWorker.start(kafka, dir)) {
            RestTestServer.Answer answer = worker.get("/health");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json()).isEqualTo(json(
                    "{\"status\":\"healthy\",\"message\":\"Worker has completed startup and is ready to handle requests.\"}"));
        }
    }

    @Test
    void healthIsStartingBeforeResourcesAreInitialized() {
        try (RestTestServer rest = RestTestServer.starting(Map.of())) {
            RestTestServer.Answer answer = rest.get("/health");

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.json()).isEqualTo(json(
                    "{\"status\":\"starting\",\"message\":\"Worker is still starting up.\"}"));
        }
    }

    @Test
    void healthIsStartingWhileTheHerderIsNotReady() {
        try (RestTestServer rest = RestTestServer.ready()) {
            rest.herder.ready(false);

            RestTestServer.Answer answer = rest.get("/health");

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.json().get("status").asText()).isEqualTo("starting");
        }
    }

    @Test
    void healthIsUnhealthyWhenTheHerderDoesNotAnswerInTime() {
        try (RestTestServer rest = RestTestServer.ready()) {
            rest.server.healthCheckTimeout(Duration.ofMillis(200));
            rest.herder.stallHealthChecks();

            RestTestServer.Answer answer = rest.get("/health");

            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.json()).isEqualTo(json("{\"status\":\"unhealthy\",\"message\":"
                    + "\"Worker was unable to handle this request and may be unable to handle other requests.\"}"));
        }
    }

    @Test
    void otherRequestsAnswer503BeforeResourcesAreInitialized() {
        try (RestTestServer rest = RestTestServer.starting(Map.of())) {
            RestTestServer.Answer answer = rest.get("/connectors");

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.json().get("error_code").asInt()).isEqualTo(503);
            assertThat(answer.json().get("message").asText()).contains("still starting up");
        }
    }
}
