package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.tributary.connect.storage.SessionKey;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.tributary.connect.tls.WorkerHttpClients;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which forwarded requests the forwarder signs, over what, and how a refused signature comes back. */
class SignedForwardingTest {

    private final LeaderForwarder forwarder = new LeaderForwarder(new WorkerHttpClients(
                new AbstractConfig(new ConfigDef(), Map.of())));
    private final AtomicReference<com.sun.net.httpserver.Headers> headers = new AtomicReference<>();
    private final AtomicReference<byte[]> body = new AtomicReference<>();
    private final AtomicReference<String> method = new AtomicReference<>();
    private final AtomicReference<String> path = new AtomicReference<>();
    private HttpServer leader;
    private int status = 204;
    private String answer = "";

    @BeforeEach
    void startLeader() throws IOException {
        leader = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        leader.createContext("/", exchange -> {
            headers.set(exchange.getRequestHeaders());
            method.set(exchange.getRequestMethod());
            path.set(exchange.getRequestURI().getRawPath());
            body.set(exchange.getRequestBody().readAllBytes());
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
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

    @Test
    void taskConfigsAreSignedOverTheExactBytesSentWithTheGivenAlgorithm() throws Exception {
        SecretKey key = KeyGenerator.getInstance("HmacSHA512").generateKey();

        forwarder.putTaskConfigs(target(), "c", List.of(Map.of("k", "v")), new SessionKey(key, 0), "HmacSHA512").join();

        assertThat(headers.get().getFirst(InternalRequestSignature.ALGORITHM_HEADER)).isEqualTo("HmacSHA512");
        InternalRequestSignature signature = InternalRequestSignature.fromHeaders(
                headers.get().getFirst(InternalRequestSignature.ALGORITHM_HEADER),
                headers.get().getFirst(InternalRequestSignature.SIGNATURE_HEADER), body.get());
        assertThat(signature.isValid(key)).isTrue();
    }

    @Test
    void withoutASessionKeyTaskConfigsGoUnsigned() {
        forwarder.putTaskConfigs(target(), "c", List.of(Map.of("k", "v")), null, "HmacSHA256").join();

        assertThat(headers.get().containsKey(InternalRequestSignature.SIGNATURE_HEADER)).isFalse();
        assertThat(headers.get().containsKey(InternalRequestSignature.ALGORITHM_HEADER)).isFalse();
    }

    @Test
    void zombieFencingIsAPutToTheFenceEndpointSignedOverItsEmptyBodyAsApacheChecksIt() throws Exception {
        SecretKey key = KeyGenerator.getInstance("HmacSHA256").generateKey();

        forwarder.fenceZombies(target(), "eos source", new SessionKey(key, 0), "HmacSHA256").join();

        assertThat(method.get()).isEqualTo("PUT");
        assertThat(path.get()).isEqualTo("/connectors/eos%20source/fence");
        assertThat(body.get()).isEmpty();
        Map<String, String> signed = Map.of(
                InternalRequestSignature.SIGNATURE_HEADER, headers.get().getFirst(InternalRequestSignature.SIGNATURE_HEADER),
                InternalRequestSignature.ALGORITHM_HEADER, headers.get().getFirst(InternalRequestSignature.ALGORITHM_HEADER));
        assertThat(new ApacheSignatures().check(signed, body.get(), key)).isEqualTo("valid");
        assertThat(new ApacheSignatures().check(signed, null, key)).as("Apache's leader reading no body").isEqualTo("valid");
        assertThat(signed).isEqualTo(new ApacheSignatures().sign(key, "HmacSHA256", null));
    }

    @Test
    void requestsAClientMayMakeAreNotSigned() {
        forwarder.restartConnector(target(), "c").join();

        assertThat(headers.get().containsKey(InternalRequestSignature.SIGNATURE_HEADER)).isFalse();
    }

    @Test
    void aRefusedSignatureComesBackAsTheLeaders403() throws Exception {
        status = 403;
        answer = "{\"error_code\":403,\"message\":\"Internal request contained invalid signature.\"}";
        SessionKey stale = new SessionKey(KeyGenerator.getInstance("HmacSHA256").generateKey(), 0);

        assertThatThrownBy(() -> forwarder.putTaskConfigs(target(), "c", List.of(), stale, "HmacSHA256").join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(LeaderAnswerException.class)
                .hasMessage("Internal request contained invalid signature.")
                .satisfies(e -> assertThat(((LeaderAnswerException) e).status()).isEqualTo(403));
    }

    private LeaderForwarder.Target target() {
        return new LeaderForwarder.Target("http://localhost:" + leader.getAddress().getPort() + "/", true);
    }
}
