package io.tributary.connect.rest;

import io.tributary.connect.rest.resources.RestBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.tributary.connect.rest.RestTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Every failure is answered as {"error_code", "message"} with the right status, and never with a stack trace. */
class RequestErrorsTest {

    private static final long LIMIT = 1024;
    private static RestTestServer rest;

    @BeforeAll
    static void start() {
        rest = RestTestServer.ready(settings -> settings.withMaxRequestBytes(LIMIT));
    }

    @AfterAll
    static void stop() {
        rest.close();
    }

    @BeforeEach
    void unscriptedHerder() {
        rest.herder.reset();
    }

    @AfterEach
    void defaultTimeout() {
        rest.server.requestTimeout(RestBackend.DEFAULT_REQUEST_TIMEOUT);
    }

    @Test
    void unknownPathIs404AsInKafkaConnect() {
        RestTestServer.Answer answer = rest.get("/nothing");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}"));
    }

    @Test
    void wrongMethodIs405() {
        RestTestServer.Answer answer = rest.delete("/connector-plugins");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":405,\"message\":\"HTTP 405 Method Not Allowed\"}"));
    }

    @Test
    void bodyThatIsNotJsonContentIs415() {
        RestTestServer.Answer answer = rest.send("POST", "/connectors", "name=x", "Content-Type", "text/plain");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":415,\"message\":\"HTTP 415 Unsupported Media Type\"}"));
    }

    @Test
    void malformedJsonIs400NamingLineAndColumn() {
        RestTestServer.Answer answer = rest.post("/connectors", "{\"name\":\"bad{json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText())
                .startsWith("Malformed JSON in the request body at line 1, column 18: Unexpected end-of-input");
    }

    @Test
    void unknownFieldIs400NamingItAndTheKnownOnes() {
        RestTestServer.Answer answer = rest.post("/connectors",
                "{\"name\":\"src6\",\"config\":{\"connector.class\":\"FileStreamSource\"},\"bogus\":1}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":400,\"message\":\"Unrecognized field \\\"bogus\\\" "
                + "in the request body at line 1, column 74; the known fields are: config, initial_state, name\"}"));
    }

    @Test
    void valueOfTheWrongShapeIs400NamingTheField() {
        RestTestServer.Answer answer = rest.post("/connectors",
                "{\"name\":\"y3\",\"config\":{\"connector.class\":\"FileStreamSource\",\"topic\":{\"a\":1}}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).isEqualTo("Invalid request body at line 1, column 69 "
                + "in field \"config.topic\": expected a string, number or boolean");
    }

    @Test
    void arrayInsteadOfAnObjectIs400() {
        RestTestServer.Answer answer = rest.post("/connectors", "[]");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("Invalid request body at line 1, column 1: expected a JSON object");
    }

    @Test
    void bodyOverTheSizeLimitIs413() {
        String big = "{\"name\":\"big\",\"config\":{\"x\":\"" + "a".repeat((int) LIMIT) + "\"}}";

        RestTestServer.Answer answer = rest.post("/connectors", big);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json()).isEqualTo(json(
                "{\"error_code\":413,\"message\":\"Request body is larger than the limit of 1024 bytes\"}"));
    }

    @Test
    void chunkedBodyOverTheSizeLimitIs413() throws Exception {
        byte[] big = ("{\"name\":\"big\",\"config\":{\"x\":\"" + "a".repeat((int) LIMIT) + "\"}}").getBytes();
        HttpRequest request = HttpRequest.newBuilder(rest.server.serverUrl().resolve("/connectors"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(json(answer.body())).isEqualTo(json(
                "{\"error_code\":413,\"message\":\"Request body is larger than the limit of 1024 bytes\"}"));
    }

    @Test
    void unexpectedFailureIs500WithItsMessageOnly() {
        rest.herder.failNextRequest(new IllegalStateException("boom"));

        RestTestServer.Answer answer = rest.get("/connectors");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json()).isEqualTo(json("{\"error_code\":500,\"message\":\"boom\"}"));
    }

    @Test
    void unexpectedFailureWithoutAMessageNamesItsType() {
        rest.herder.failNextRequest(new NullPointerException());

        RestTestServer.Answer answer = rest.get("/connectors");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("Unexpected java.lang.NullPointerException; the worker log has the details");
    }

    @Test
    void herderThatDoesNotAnswerInTimeIs500RequestTimedOut() {
        rest.server.requestTimeout(Duration.ofMillis(200));
        rest.herder.stallNextRequest();

        RestTestServer.Answer answer = rest.get("/connectors");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("message").asText())
                .isEqualTo("Request timed out: the worker did not answer within 200 ms");
    }

    @Test
    void requestTimedOutNamesWhatTheHerderIsBusyWith() {
        rest.server.requestTimeout(Duration.ofMillis(200));
        rest.herder.busyWith("taking part in its Connect group", 1_796_083_200_000L);
        rest.herder.stallNextRequest();

        RestTestServer.Answer answer = rest.get("/connectors");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("message").asText()).isEqualTo("Request timed out: the worker did not answer "
                + "within 200 ms. The worker is currently taking part in its Connect group, which began at "
                + "2026-12-01T00:00:00Z.");
    }
}
