package io.tributary.connect.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/** Talks to a worker's REST API over real HTTP, the way curl would. */
public final class RestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String authorization;
    private final HttpClient http;

    public RestClient(URI base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), null);
    }

    /** For an https:// worker: the context says which authorities to trust and which certificate to present. */
    public RestClient(URI base, SSLContext tls) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(tls).build(), null);
    }

    private RestClient(URI base, HttpClient http, String authorization) {
        this.base = base;
        this.http = http;
        this.authorization = authorization;
    }

    /** A client of the same worker that sends this Authorization header with every request. */
    public RestClient withAuthorization(String value) {
        return new RestClient(base, http, value);
    }

    /** A client of the same worker that sends HTTP basic credentials with every request, as curl -u does. */
    public RestClient withBasicAuth(String user, String password) {
        return withAuthorization("Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** The worker's REST URL this client talks to. */
    public URI base() {
        return base;
    }

    /** A status code and, when there is one, the parsed JSON body. */
    public record Response(int status, String body) {
        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? null : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    /** GET that gives up after {@code timeout}, failing with the HttpTimeoutException in the message. */
    public Response get(String path, Duration timeout) {
        return send("GET", path, null, timeout);
    }

    public Response post(String path, String jsonBody) {
        return send("POST", path, jsonBody);
    }

    public Response put(String path, String jsonBody) {
        return send("PUT", path, jsonBody);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, String jsonBody) {
        return send(method, path, jsonBody, Duration.ofSeconds(60));
    }

    public Response send(String method, String path, String jsonBody, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** True when the REST API answers GET / with 200; false while it is not listening yet. */
    public boolean isUp() {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/")).timeout(Duration.ofSeconds(2)).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
