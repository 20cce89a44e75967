package io.tributary.connect.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connect.config.StandaloneConfig;
import io.tributary.connect.plugins.PluginDescriptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.utils.Time;

/** A real RestServer on a free port in front of a {@link ScriptedHerder}, and an HTTP client for it. */
final class RestTestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final ScriptedHerder herder = new ScriptedHerder();
    final List<PluginDescriptor> plugins = new ArrayList<>();
    final RestServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RestTestServer(Map<String, String> workerProps) {
        this(workerProps, UnaryOperator.identity());
    }

    private RestTestServer(Map<String, String> workerProps, UnaryOperator<RestServerSettings> adjust) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", "localhost:9092");
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("offset.storage.file.filename", "/tmp/unused.offsets");
        props.put("listeners", "http://localhost:0");
        props.putAll(workerProps);
        server = new RestServer(adjust.apply(RestServerSettings.from(new StandaloneConfig(props))), Time.SYSTEM);
    }

    /** Started and wired to the herder, as after a worker's startup. */
    static RestTestServer ready() {
        return ready(Map.of());
    }

    static RestTestServer ready(Map<String, String> workerProps) {
        RestTestServer rest = starting(workerProps);
        rest.initialize();
        return rest;
    }

    /** Ready, with settings no worker property controls (e.g. the request size limit). */
    static RestTestServer ready(UnaryOperator<RestServerSettings> adjust) {
        RestTestServer rest = new RestTestServer(Map.of(), adjust);
        rest.server.start();
        rest.initialize();
        return rest;
    }

    /** Listening, but the worker has not handed over its herder yet. */
    static RestTestServer starting(Map<String, String> workerProps) {
        RestTestServer rest = new RestTestServer(workerProps);
        rest.server.start();
        return rest;
    }

    void initialize() {
        server.initializeResources(herder, () -> plugins);
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    Answer post(String path, String body) {
        return send("POST", path, body);
    }

    Answer put(String path, String body) {
        return send("PUT", path, body);
    }

    Answer patch(String path, String body) {
        return send("PATCH", path, body);
    }

    Answer send(String method, String path, String body, String... headers) {
        return send(server.serverUrl(), method, path, body, headers);
    }

    Answer send(URI base, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = Arrays.asList(headers).stream().anyMatch("Content-Type"::equalsIgnoreCase);
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /** An HTTP answer: status, headers and body text, parsed as JSON on demand. */
    record Answer(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            return RestTestServer.json(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
