package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.tributary.connect.model.ConnectorInfo;
import io.tributary.connect.model.ConnectorType;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.tls.WorkerHttpClients;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.errors.ConnectException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The forwarder against a stand-in leader: what it sends, and how it turns answers back into results. */
class LeaderForwarderTest {

    private final LeaderForwarder forwarder = new LeaderForwarder(
            new WorkerHttpClients(new AbstractConfig(new ConfigDef(), Map.of())));
    private final AtomicReference<String> received = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private HttpServer leader;
    private int status = 201;
    private String answer = "{\"name\":\"c\",\"config\":{\"k\":\"v\"},\"tasks\":[],\"type\":\"source\"}";

    @BeforeEach
    void startLeader() throws IOException {
        leader = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        leader.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
            if (status != 204) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        leader.start();
    }

    @AfterEach
    void stopLeader() {
        leader.stop(0);
    }

    private LeaderForwarder.Target target(boolean forwardAgain) {
        return new LeaderForwarder.Target("http://localhost:" + leader.getAddress().getPort() + "/", forwardAgain);
    }

    @Test
    void aClientsCreateIsSentAsThePostKafkaConnectAcceptsMarkedForOneMoreHop() {
        Created<ConnectorInfo> created = forwarder.createConnector(target(true), "c", Map.of("k", "v"),
                TargetState.STARTED).join();

        assertThat(received.get()).startsWith("POST /connectors?forward=true ")
                .contains("\"name\":\"c\"").contains("\"initial_state\":\"RUNNING\"");
        assertThat(created.created()).isTrue();
        assertThat(created.result()).isEqualTo(new ConnectorInfo("c", Map.of("k", "v"), List.of(), ConnectorType.SOURCE));
    }

    @Test
    void theClientsAuthorizationHeaderGoesAlongAsKafkaConnectsForwardingSendsIt() {
        LeaderForwarder.Target withCredentials = new LeaderForwarder.Target(
                "http://localhost:" + leader.getAddress().getPort() + "/", true, "Basic YWxpY2U6c2VjcmV0");

        forwarder.createConnector(withCredentials, "c", Map.of("k", "v"), null).join();

        assertThat(authorization.get()).isEqualTo("Basic YWxpY2U6c2VjcmV0");
        assertThat(withCredentials.toString()).doesNotContain("YWxpY2U6c2VjcmV0");
    }

    @Test
    void aRequestWithoutCredentialsIsSentWithoutAnAuthorizationHeader() {
        status = 204;
        forwarder.putTaskConfigs(target(true), "c", List.of(Map.of("k", "v")), null, "HmacSHA256").join();

        assertThat(received.get()).startsWith("POST /connectors/c/tasks?forward=true ");
        assertThat(authorization.get()).isNull();
    }

    @Test
    void aSecondHopIsMarkedNotToBeForwardedAgain() {
        status = 204;
        forwarder.restartTask(target(false), "my connector", 2).join();
        assertThat(received.get()).startsWith("POST /connectors/my%20connector/tasks/2/restart?forward=false");
    }

    @Test
    void theLeadersErrorAnswerBecomesTheSameStatusAndMessage() {
        status = 409;
        answer = "{\"error_code\":409,\"message\":\"Connector c already exists\"}";
        assertThatThrownBy(() -> forwarder.createConnector(target(true), "c", Map.of(), null).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(LeaderAnswerException.class).hasMessage("Connector c already exists")
                .satisfies(e -> assertThat(((LeaderAnswerException) e).status()).isEqualTo(409));
    }

    @Test
    void anUnreachableLeaderIsA500SayingTheForwardFailed() {
        leader.stop(0);
        assertThatThrownBy(() -> forwarder.stopConnector(target(true), "c").join())
                .cause().isExactlyInstanceOf(ConnectException.class)
                .hasMessageStartingWith("IO Error trying to forward REST request: java.net.ConnectException");
    }
}
