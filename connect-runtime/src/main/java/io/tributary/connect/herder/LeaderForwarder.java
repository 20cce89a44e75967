package io.tributary.connect.herder;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connect.model.ConnectorInfo;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.model.ConnectorOffsets;
import io.tributary.connect.model.ErrorMessage;
import io.tributary.connect.model.Message;
import io.tributary.connect.storage.SessionKey;
import io.tributary.connect.tls.WorkerHttpClients;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request only the leader may serve to the leader's REST API, exactly as a client would, and turns
 * the answer back into the herder's result or exception. Runs asynchronously: the herder thread never waits
 * on another worker.
 */
final class LeaderForwarder {

    private static final Logger log = LoggerFactory.getLogger(LeaderForwarder.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String AUTHORIZATION = "Authorization";

    private final ObjectMapper json = new ObjectMapper();
    /** Built on the first forward to a URL of each scheme, https ones with the worker's REST TLS settings. */
    private final WorkerHttpClients clients;

    LeaderForwarder(WorkerHttpClients clients) {
        this.clients = clients;
    }

    /**
     * Where to send a request, how to mark it so that the receiver forwards it at most once more, and the client's
     * {@code Authorization} header to pass on (null for none, e.g. a worker's own request).
     */
    record Target(String url, boolean forwardAgain, String authorization) {

        Target(String url, boolean forwardAgain) {
            this(url, forwardAgain, null);
        }

        @Override
        public String toString() {
            return "Target[url=" + url + ", forwardAgain=" + forwardAgain + "]";
        }
    }

    CompletableFuture<Created<ConnectorInfo>> createConnector(Target target, String name, Map<String, String> config,
                                                              TargetState initialState) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("config", config);
        if (initialState != null) {
            // The REST API names the running state RUNNING, as Kafka Connect's create request does.
            body.put("initial_state", initialState == TargetState.STARTED ? "RUNNING" : initialState.name());
        }
        return send(target, "POST", "connectors", body)
                .thenApply(answer -> new Created<>(answer.status() == 201, answer.read(json, ConnectorInfo.class)));
    }

    CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(Target target, String name,
                                                                 Map<String, String> config) {
        return send(target, "PUT", connector(name) + "/config", config)
                .thenApply(answer -> new Created<>(answer.status() == 201, answer.read(json, ConnectorInfo.class)));
    }

    CompletableFuture<Created<ConnectorInfo>> patchConnectorConfig(Target target, String name,
                                                                   Map<String, String> patch) {
        return send(target, "PATCH", connector(name) + "/config", patch)
                .thenApply(answer -> new Created<>(false, answer.read(json, ConnectorInfo.class)));
    }

    CompletableFuture<Created<ConnectorInfo>> deleteConnector(Target target, String name) {
        return send(target, "DELETE", connector(name), null).thenApply(answer -> new Created<>(false, null));
    }

    CompletableFuture<Void> stopConnector(Target target, String name) {
        return send(target, "PUT", connector(name) + "/stop", null).thenApply(answer -> null);
    }

    CompletableFuture<Void> restartConnector(Target target, String name) {
        return send(target, "POST", connector(name) + "/restart", null).thenApply(answer -> null);
    }

    CompletableFuture<ConnectorStateInfo> restartConnectorAndTasks(Target target, RestartRequest request) {
        String path = connector(request.connectorName()) + "/restart?includeTasks=" + request.includeTasks()
                + "&onlyFailed=" + request.onlyFailed();
        return send(target, "POST", path, null).thenApply(answer -> answer.read(json, ConnectorStateInfo.class));
    }

    CompletableFuture<Void> restartTask(Target target, String name, int task) {
        return send(target, "POST", connector(name) + "/tasks/" + task + "/restart", null).thenApply(answer -> null);
    }

    CompletableFuture<Message> alterOffsets(Target target, String name, ConnectorOffsets offsets) {
        return send(target, "PATCH", connector(name) + "/offsets", offsets)
                .thenApply(answer -> answer.read(json, Message.class));
    }

    CompletableFuture<Message> resetOffsets(Target target, String name) {
        return send(target, "DELETE", connector(name) + "/offsets", null)
                .thenApply(answer -> answer.read(json, Message.class));
    }

    /**
     * The connector's new task configs, generated where the connector runs, for the leader to write. Signed, as
     * Kafka Connect signs it, whenever this worker knows a session key; without one it goes unsigned, and a
     * leader that requires signatures refuses it until this worker has read a key and tries again.
     *
     * @param sessionKey the session key this worker last read from the config topic, or null
     * @param algorithm  inter.worker.signature.algorithm
     */
    CompletableFuture<Void> putTaskConfigs(Target target, String name, List<Map<String, String>> taskConfigs,
                                           SessionKey sessionKey, String algorithm) {
        return send(target, "POST", connector(name) + "/tasks", taskConfigs, body -> sessionKey == null ? Map.of()
                : InternalRequestSignature.headers(sessionKey.key(), algorithm, body)).thenApply(answer -> null);
    }

    /**
     * Asks the leader to fence out the zombies of a source connector before one of its exactly-once tasks starts;
     * signed like task configs, over the empty body.
     */
    CompletableFuture<Void> fenceZombies(Target target, String name, SessionKey sessionKey, String algorithm) {
        return send(target, "PUT", connector(name) + "/fence", null, body -> sessionKey == null ? Map.of()
                : InternalRequestSignature.headers(sessionKey.key(), algorithm, body == null ? new byte[0] : body))
                .thenApply(answer -> null);
    }

    private CompletableFuture<Answer> send(Target target, String method, String path, Object body) {
        return send(target, method, path, body, bytes -> Map.of());
    }

    /** @param signature the headers that sign the exact body bytes sent (empty for requests clients may make) */
    private CompletableFuture<Answer> send(Target target, String method, String path, Object body,
                                           Function<byte[], Map<String, String>> signature) {
        URI uri;
        HttpRequest request;
        HttpClient http;
        try {
            uri = URI.create(withSlash(target.url()) + path + (path.contains("?") ? "&" : "?") + "forward="
                    + target.forwardAgain());
            byte[] bytes = body == null ? null : json.writeValueAsBytes(body);
            HttpRequest.BodyPublisher publisher = bytes == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bytes);
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").header("Accept", "application/json");
            signature.apply(bytes).forEach(builder::header);
            if (target.authorization() != null) {
                // The client's credentials go along, as Kafka Connect's forwarding does, for the leader's REST
                // extensions (basic auth) to check.
                builder.header(AUTHORIZATION, target.authorization());
            }
            request = builder.method(method, publisher).build();
            http = clients.forUri(uri);
        } catch (IOException | IllegalArgumentException | ConfigException e) {
            return CompletableFuture.failedFuture(new ConnectException("Could not forward the request to the "
                    + "leader at " + target.url() + ": " + e.getMessage()));
        }
        log.debug("Forwarding {} {} to the leader", method, uri);
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        log.error("Could not forward {} {} to the leader", method, uri, cause);
                        throw new ConnectException("IO Error trying to forward REST request: " + cause);
                    }
                    if (response.statusCode() >= 300) {
                        throw new LeaderAnswerException(response.statusCode(), errorMessage(response));
                    }
                    return new Answer(response.statusCode(), response.body());
                });
    }

    private String errorMessage(HttpResponse<byte[]> response) {
        try {
            return json.readValue(response.body(), ErrorMessage.class).message();
        } catch (IOException | RuntimeException e) {
            return "The leader answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8);
        }
    }

    private static String connector(String name) {
        return "connectors/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private record Answer(int status, byte[] body) {

        <T> T read(ObjectMapper json, Class<T> type) {
            if (body.length == 0) {
                return null;
            }
            try {
                return json.readValue(body, type);
            } catch (IOException e) {
                throw new ConnectException("The leader's answer could not be read: " + e.getMessage());
            }
        }
    }
}
