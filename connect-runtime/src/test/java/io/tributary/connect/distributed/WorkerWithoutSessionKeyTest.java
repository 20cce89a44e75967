package io.tributary.connect.distributed;

import io.tributary.connect.cli.LocalWorkers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connect.cli.DistributedWorker;
import io.tributary.connect.herder.InternalRequestSignature;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker of a sessioned group that has not read a session key (its leader, a bare group member here, never
 * writes one) answers a signed internal request with Kafka Connect's 503, and an unsigned one with 400.
 */
@ExtendWith(KafkaBrokerExtension.class)
class WorkerWithoutSessionKeyTest {

    private static final byte[] BODY = "[{\"k\":\"v\"}]".getBytes(StandardCharsets.UTF_8);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aSignedRequestBeforeAnySessionKeyWasReadIsAnswered503(KafkaBroker broker) throws Exception {
        String groupId = "no-key-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestMember leader = new TestMember("stand-in", broker.bootstrapServers(), groupId,
                new FixedConfigSnapshots(), Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> leader.generation() >= 1);
            DistributedWorker worker = DistributedWorker.start(workerProps(broker, groupId));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> worker.herder().isReady());
                assertThat(worker.herder().isLeader().get(60, TimeUnit.SECONDS)).isFalse();
                URI tasks = worker.rest().advertisedUrl().resolve("/connectors/c/tasks");

                HttpResponse<String> signed = post(tasks, InternalRequestSignature.headers(
                        KeyGenerator.getInstance("HmacSHA256").generateKey(), "HmacSHA256", BODY));
                HttpResponse<String> unsigned = post(tasks, Map.of());

                assertThat(signed.statusCode()).isEqualTo(503);
                assertThat(message(signed)).isEqualTo("This worker is still starting up and has not been able to "
                        + "read a session key from the config topic yet");
                assertThat(unsigned.statusCode()).isEqualTo(400);
                assertThat(message(unsigned)).isEqualTo("Internal request missing required signature");
            } finally {
                worker.stop();
            }
        }
    }

    private HttpResponse<String> post(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(BODY));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String message(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body()).get("message").asText();
    }

    private static Map<String, String> workerProps(KafkaBroker broker, String groupId) {
        return LocalWorkers.distributedProps(broker, groupId);
    }
}
