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

import io.tributary.connect.config.StandaloneConfig;
import io.tributary.connect.herder.StandaloneHerder;
import io.tributary.connect.plugins.Plugins;
import io.tributary.connect.status.MemoryStatusStore;
import io.tributary.connect.storage.FileOffsetBackingStore;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.worker.KafkaClusterId;
import io.tributary.connect.worker.Worker;
import io.tributary.connect.worker.WorkerTestPlugins;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy;

/**
 * A real standalone worker for REST tests: RestServer, StandaloneHerder and Worker wired as the CLI wires
 * them, against the test broker, with an HTTP client for its API.
 */
final class LiveWorker implements AutoCloseable {

    final StandaloneHerder herder;
    final RestServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private LiveWorker(StandaloneHerder herder, RestServer server) {
        this.herder = herder;
        this.server = server;
    }

    static LiveWorker start(KafkaBroker kafka, Path dir) {
        return start(kafka, dir, Map.of());
    }

    static LiveWorker start(KafkaBroker kafka, Path dir, Map<String, String> extraProps) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        props.put("offset.flush.interval.ms", "200");
        props.put("task.shutdown.graceful.timeout.ms", "5000");
        props.put("listeners", "http://localhost:0");
        props.putAll(extraProps);
        StandaloneConfig config = new StandaloneConfig(props);
        RestServer server = new RestServer(RestServerSettings.from(config), Time.SYSTEM);
        server.start();
        Plugins plugins = WorkerTestPlugins.shared();
        Worker worker = new Worker(server.workerId(), KafkaClusterId.lookup(config, 30_000), config, plugins,
                new AllConnectorClientConfigOverridePolicy(),
                new FileOffsetBackingStore(dir.resolve("connect.offsets")), new MemoryStatusStore(), Time.SYSTEM);
        StandaloneHerder herder = new StandaloneHerder(worker);
        herder.start();
        server.initializeResources(herder, plugins::descriptors);
        return new LiveWorker(herder, server);
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
        herder.stop();
        server.stop();
    }
}
