package io.tributary.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connect.cli.LocalWorkers;
import io.tributary.connect.cli.StandaloneWorker;
import io.tributary.connect.herder.StandaloneHerder;
import io.tributary.connect.testkit.KafkaBroker;

/**
 * A real standalone worker for REST tests, assembled as bin/connect-standalone.sh assembles it, against the
 * test broker, with an HTTP client for its API.
 */
final class LiveWorker implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    final StandaloneHerder herder;
    final RestServer server;
    private final StandaloneWorker worker;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile String authorization;

    private LiveWorker(StandaloneWorker worker) {
        this.worker = worker;
        this.herder = worker.herder();
        this.server = worker.rest();
    }

    static LiveWorker start(KafkaBroker kafka, Path dir) {
        return start(kafka, dir, Map.of());
    }

    static LiveWorker start(KafkaBroker kafka, Path dir, Map<String, String> extraProps) {
        Map<String, String> props = new HashMap<>();
        props.put("offset.flush.interval.ms", "200");
        props.putAll(extraProps);
        return new LiveWorker(LocalWorkers.standalone(kafka, dir.resolve("connect.offsets"), props));
    }

    /** From now on every request carries this Authorization header; null sends none. */
    void authorization(String value) {
        this.authorization = value;
    }

    RestTestServer.Answer get(String path) {
        return send("GET", path, null);
    }

    RestTestServer.Answer put(String path, String body) {
        return send("PUT", path, body);
    }

    RestTestServer.Answer post(String path, String body) {
        return send("POST", path, body);
    }

    RestTestServer.Answer patch(String path, String body) {
        return send("PATCH", path, body);
    }

    RestTestServer.Answer delete(String path) {
        return send("DELETE", path, null);
    }

    RestTestServer.Answer send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.serverUrl().resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new RestTestServer.Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a connector of one task (tasks.max defaults to 1) and waits until it and its task run. */
    void create(String name, Map<String, String> config) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("name", name, "config", config));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        RestTestServer.Answer answer = post("/connectors", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        awaitState(name, "RUNNING", 1);
    }

    /** Deletes every connector, so that tests sharing this worker each start from none. */
    void deleteAllConnectors() {
        get("/connectors").json().forEach(name -> assertThat(delete("/connectors/" + name.asText()).status())
                .isEqualTo(204));
    }

    /**
     * Waits until the connector's status reports {@code state} for it and for exactly {@code tasks} tasks (a
     * stopped connector has none): statuses are written as the worker gets there, after the request that asked.
     */
    void awaitState(String connector, String state, int tasks) {
        await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            JsonNode status = get("/connectors/" + connector + "/status").json();
            assertThat(status.path("connector").path("state").asText()).isEqualTo(state);
            assertThat(status.path("tasks")).extracting(task -> task.get("state").asText())
                    .containsExactlyElementsOf(Collections.nCopies(tasks, state));
        });
    }

    @Override
    public void close() {
        worker.stop();
    }
}
