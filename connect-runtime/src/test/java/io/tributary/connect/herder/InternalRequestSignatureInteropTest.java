package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.tributary.connect.storage.SessionKey;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connect.tls.WorkerHttpClients;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Our request signatures against Kafka Connect 4.1.1's InternalRequestSignature, loaded from the reference jar in
 * a class loader of its own: each side accepts what the other signs, both write the same headers for the same
 * key and body, and both refuse malformed headers with the same message.
 */
class InternalRequestSignatureInteropTest {

    private static final byte[] BODY = "[{\"topic\":\"t\",\"file\":\"/tmp/é.txt\"},{\"task\":\"1\"}]"
            .getBytes(StandardCharsets.UTF_8);

    private final ApacheSignatures apache = new ApacheSignatures();

    @ParameterizedTest
    @ValueSource(strings = {"HmacSHA256", "HmacSHA1", "HmacSHA512"})
    void apacheAcceptsWhatWeSign(String algorithm) {
        SecretKey key = key(algorithm);
        Map<String, String> ours = InternalRequestSignature.headers(key, algorithm, BODY);

        assertThat(apache.check(ours, BODY, key)).isEqualTo("valid");
        assertThat(apache.algorithmOf(ours, BODY)).isEqualTo(algorithm);
        assertThat(apache.check(ours, BODY, key(algorithm))).isEqualTo("invalid");
        assertThat(apache.check(ours, "[]".getBytes(StandardCharsets.UTF_8), key)).isEqualTo("invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HmacSHA256", "HmacSHA1", "HmacSHA512"})
    void weAcceptWhatApacheSigns(String algorithm) {
        SecretKey key = key(algorithm);
        Map<String, String> theirs = apache.sign(key, algorithm, BODY);

        InternalRequestSignature signature = read(theirs, BODY);
        assertThat(signature.algorithm()).isEqualTo(algorithm);
        assertThat(signature.isValid(key)).isTrue();
        assertThat(signature.isValid(key(algorithm))).isFalse();
        assertThat(read(theirs, "[]".getBytes(StandardCharsets.UTF_8)).isValid(key)).isFalse();
    }

    @Test
    void bothWriteTheSameHeadersForTheSameKeyAndBody() {
        SecretKey key = key("HmacSHA256");

        assertThat(InternalRequestSignature.headers(key, "HmacSHA256", BODY))
                .isEqualTo(apache.sign(key, "HmacSHA256", BODY))
                .containsOnlyKeys("X-Connect-Authorization", "X-Connect-Request-Signature-Algorithm");
    }

    @Test
    void aRequestWithoutBodyIsSignedAsAnEmptyOne() {
        SecretKey key = key("HmacSHA256");

        assertThat(apache.check(InternalRequestSignature.headers(key, "HmacSHA256", null), new byte[0], key))
                .isEqualTo("valid");
        assertThat(read(apache.sign(key, "HmacSHA256", null), new byte[0]).isValid(key)).isTrue();
    }

    @Test
    void withoutEitherHeaderThereIsNoSignatureOnEitherSide() {
        SecretKey key = key("HmacSHA256");
        Map<String, String> headers = new HashMap<>(InternalRequestSignature.headers(key, "HmacSHA256", BODY));
        headers.remove(InternalRequestSignature.ALGORITHM_HEADER);

        assertThat(apache.check(headers, BODY, key)).isEqualTo("missing");
        assertThat(read(headers, BODY)).isNull();
    }

    @Test
    void anUnknownAlgorithmIsRefusedWithApachesMessage() {
        Map<String, String> headers = Map.of(InternalRequestSignature.SIGNATURE_HEADER, "AAAA",
                InternalRequestSignature.ALGORITHM_HEADER, "HmacNoSuch");

        assertThat(apache.check(headers, BODY, key("HmacSHA256")))
                .isEqualTo("BadRequestException: Algorithm HmacNoSuch not available");
        assertThatThrownBy(() -> read(headers, BODY)).isInstanceOf(BadRequestException.class)
                .hasMessage("Algorithm HmacNoSuch not available");
    }

    @Test
    void aSignatureThatIsNotBase64IsRefusedWithApachesMessage() {
        Map<String, String> headers = Map.of(InternalRequestSignature.SIGNATURE_HEADER, "not-base64!",
                InternalRequestSignature.ALGORITHM_HEADER, "HmacSHA256");

        String theirs = apache.check(headers, BODY, key("HmacSHA256"));
        assertThat(theirs).startsWith("BadRequestException: ");
        assertThatThrownBy(() -> read(headers, BODY)).isInstanceOf(BadRequestException.class)
                .hasMessage(theirs.substring("BadRequestException: ".length()));
    }

    @Test
    void theTaskConfigsOurForwarderSendsAreValidForApacheByteForByte() throws IOException {
        AtomicReference<Map<String, String>> headers = new AtomicReference<>();
        AtomicReference<byte[]> body = new AtomicReference<>();
        HttpServer leader = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        leader.createContext("/", exchange -> {
            body.set(exchange.getRequestBody().readAllBytes());
            Map<String, String> received = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> received.put(name, values.get(0)));
            headers.set(received);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        leader.start();
        try {
            SecretKey key = key("HmacSHA256");
            new LeaderForwarder(new WorkerHttpClients(
                new AbstractConfig(new ConfigDef(), Map.of()))).putTaskConfigs(new LeaderForwarder.Target("http://localhost:"
                            + leader.getAddress().getPort() + "/", true), "c",
                    List.of(Map.of("file", "/tmp/ü.txt"), Map.of("task", "1")),
                    new SessionKey(key, 0), "HmacSHA256").join();

            assertThat(apache.check(headers.get(), body.get(), key)).isEqualTo("valid");
        } finally {
            leader.stop(0);
        }
    }

    private static InternalRequestSignature read(Map<String, String> headers, byte[] body) {
        return InternalRequestSignature.fromHeaders(headers.get(InternalRequestSignature.ALGORITHM_HEADER),
                headers.get(InternalRequestSignature.SIGNATURE_HEADER), body);
    }

    private static SecretKey key(String algorithm) {
        try {
            return KeyGenerator.getInstance(algorithm).generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
