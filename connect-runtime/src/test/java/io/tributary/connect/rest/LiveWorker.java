package io.tributary.connect.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.tributary.connect.cli.LocalWorkers;
import io.tributary.connect.cli.StandaloneWorker;
import io.tributary.connect.herder.StandaloneHerder;
import io.tributary.connect.testkit.KafkaBroker;

/**
 * A real standalone worker for REST tests, assembled as bin/connect-standalone.sh assembles it, against the
 * test broker, with an HTTP client for its API.
 */
final class LiveWorker implements AutoCloseable {

    final StandaloneHerder herder;
    final RestServer server;
    private final StandaloneWorker worker;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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

    @Override
    public void close() {
        worker.stop();
    }
}
