package io.tributary.connect.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Listeners, advertised URL, CORS, configured response headers, admin listeners and stopping. */
class RestServerTest {

    @Test
    void portZeroBindsAFreePortAndAdvertisesIt() {
        try (RestTestServer rest = RestTestServer.ready()) {
            int port = rest.server.serverUrl().getPort();

            assertThat(port).isPositive();
            assertThat(rest.server.advertisedUrl().toString()).isEqualTo("http://localhost:" + port + "/");
            assertThat(rest.server.workerId()).isEqualTo("localhost:" + port);
        }
    }

    @Test
    void advertisedHostAndPortOverrideTheListener() {
        try (RestTestServer rest = RestTestServer.ready(Map.of(
                "rest.advertised.host.name", "connect-1.example.com", "rest.advertised.port", "18083"))) {

            assertThat(rest.server.advertisedUrl().toString()).isEqualTo("http://connect-1.example.com:18083/");
            assertThat(rest.server.workerId()).isEqualTo("connect-1.example.com:18083");
        }
    }

    @Test
    void everyListenerServesTheApi() {
        try (RestTestServer rest = RestTestServer.ready(Map.of("listeners", "http://localhost:0,http://127.0.0.1:0"))) {
            RestTestServer.Answer second = rest.send(java.net.URI.create("http://127.0.0.1:" + secondPort(rest) + "/"),
                    "GET", "/connectors", null);

            assertThat(second.status()).isEqualTo(200);
        }
    }

    @Test
    void corsAllowsTheConfiguredOrigin() {
        try (RestTestServer rest = RestTestServer.ready(Map.of("access.control.allow.origin", "http://example.com"))) {
            RestTestServer.Answer answer = rest.send("GET", "/connectors", null, "Origin", "http://example.com");

            assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("http://example.com");
            assertThat(answer.header("Vary")).isEqualTo("Origin");
        }
    }

    @Test
    void corsIgnoresOtherOrigins() {
        try (RestTestServer rest = RestTestServer.ready(Map.of("access.control.allow.origin", "http://example.com"))) {
            RestTestServer.Answer answer = rest.send("GET", "/connectors", null, "Origin", "http://evil.com");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void corsWildcardAllowsAnyOrigin() {
        try (RestTestServer rest = RestTestServer.ready(Map.of("access.control.allow.origin", "*"))) {
            RestTestServer.Answer answer = rest.send("GET", "/connectors", null, "Origin", "http://anywhere.org");

            assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("http://anywhere.org");
        }
    }

    @Test
    void corsPreflightAnswersTheConfiguredMethods() {
        try (RestTestServer rest = RestTestServer.ready(Map.of(
                "access.control.allow.origin", "http://example.com", "access.control.allow.methods", "GET,POST,PUT"))) {
            RestTestServer.Answer answer = rest.send("OPTIONS", "/connectors", null,
                    "Origin", "http://example.com", "Access-Control-Request-Method", "PUT");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Access-Control-Allow-Methods").split(",")).containsExactlyInAnyOrder("GET", "POST", "PUT");
            assertThat(answer.header("Access-Control-Max-Age")).isEqualTo("60");
        }
    }

    @Test
    void withoutCorsConfiguredNoCorsHeadersAreSent() {
        try (RestTestServer rest = RestTestServer.ready()) {
            RestTestServer.Answer answer = rest.send("GET", "/connectors", null, "Origin", "http://example.com");

            assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
            assertThat(answer.header("Vary")).isNull();
        }
    }

    @Test
    void responseHeaderRulesApplyToEveryAnswerIncludingErrors() {
        try (RestTestServer rest = RestTestServer.ready(Map.of(
                "response.http.headers.config", "add X-Test:one, add X-Test:two, set X-Frame-Options:DENY"))) {
            RestTestServer.Answer ok = rest.get("/connectors");
            RestTestServer.Answer notFound = rest.get("/nothing");

            assertThat(ok.headers().allValues("X-Test")).containsExactly("one", "two");
            assertThat(ok.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(notFound.header("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void setDateRuleWritesAnHttpDate() {
        try (RestTestServer rest = RestTestServer.ready(Map.of("response.http.headers.config", "setDate Expires:60000"))) {
            RestTestServer.Answer answer = rest.get("/connectors");

            assertThat(answer.header("Expires")).endsWith("GMT");
        }
    }

    @Test
    void adminListenersServeLoggersApartFromTheMainListeners() {
        try (RestTestServer rest = RestTestServer.ready(Map.of("admin.listeners", "http://localhost:0"))) {
            RestTestServer.Answer onAdmin = rest.send(rest.server.adminUrl(), "GET", "/admin/loggers/root", null);
            RestTestServer.Answer onMain = rest.get("/admin/loggers/root");
            RestTestServer.Answer apiOnAdmin = rest.send(rest.server.adminUrl(), "GET", "/connectors", null);

            assertThat(rest.server.adminUrl()).isNotEqualTo(rest.server.serverUrl());
            assertThat(onAdmin.status()).isEqualTo(200);
            assertThat(onMain.status()).isEqualTo(404);
            assertThat(apiOnAdmin.status()).isEqualTo(404);
        }
    }

    @Test
    void emptyAdminListenersDisableTheAdminEndpoints() {
        try (RestTestServer rest = RestTestServer.ready(Map.of("admin.listeners", ""))) {
            assertThat(rest.get("/admin/loggers").status()).isEqualTo(404);
            assertThat(rest.server.adminUrl()).isNull();
        }
    }

    @Test
    void adminEndpointsAreOnTheMainListenersByDefault() {
        try (RestTestServer rest = RestTestServer.ready()) {
            assertThat(rest.get("/admin/loggers/root").status()).isEqualTo(200);
            assertThat(rest.server.adminUrl()).isEqualTo(rest.server.serverUrl());
        }
    }

    @Test
    void stopReleasesThePort() throws IOException {
        RestTestServer rest = RestTestServer.ready();
        int port = rest.server.serverUrl().getPort();

        rest.close();

        try (ServerSocket again = new ServerSocket(port, 50, java.net.InetAddress.getByName("localhost"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void everyRequestIsLoggedOnOneInfoLine() {
        Logger requestLog = (Logger) LoggerFactory.getLogger(CompactRequestLog.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        requestLog.addAppender(lines);
        try (RestTestServer rest = RestTestServer.ready()) {
            rest.get("/connectors?expand=status");

            // Jetty logs after the answer is sent, so the line may trail the client's receipt slightly.
            await().atMost(Duration.ofSeconds(10)).until(() -> !lines.list.isEmpty());
            ILoggingEvent line = lines.list.get(0);
            assertThat(line.getLevel()).isEqualTo(Level.INFO);
            assertThat(line.getFormattedMessage()).matches("127\\.0\\.0\\.1 \"GET /connectors\\?expand=status\" 200 \\d+B \\d+ms");
        } finally {
            requestLog.detachAppender(lines);
        }
    }

    @Test
    void stopLetsAnInFlightRequestFinish() throws Exception {
        RestTestServer rest = RestTestServer.ready();
        CompletableFuture<Object> herderAnswer = rest.herder.stallNextRequest();
        CompletableFuture<RestTestServer.Answer> inFlight = CompletableFuture.supplyAsync(() -> rest.get("/connectors"));
        rest.herder.stalledRequestArrived().get(10, TimeUnit.SECONDS);

        // Read before stopping: a stopped connector no longer reports its port.
        int port = rest.server.serverUrl().getPort();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(rest::close);
        // Only once the listener refuses new connections is the server really shutting down.
        await().atMost(Duration.ofSeconds(10)).until(() -> !accepts(port));
        herderAnswer.complete(List.of("late"));

        assertThat(inFlight.get(10, TimeUnit.SECONDS).json()).isEqualTo(RestTestServer.json("[\"late\"]"));
        stopping.get(15, TimeUnit.SECONDS);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("localhost", port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static int secondPort(RestTestServer rest) {
        return rest.server.listenerUrls().get(1).getPort();
    }
}
