package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connect.storage.SessionKey;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** Which internal requests a worker serves, and Kafka Connect's answer to each it refuses. */
class InternalRequestVerifierTest {

    private static final byte[] BODY = "[{\"k\":\"v\"}]".getBytes(StandardCharsets.UTF_8);

    private boolean sessioned = true;
    private SessionKey current = new SessionKey(key("HmacSHA256"), 1_000);
    private final InternalRequestVerifier verifier = new InternalRequestVerifier(List.of("HmacSHA256", "HmacSHA512"),
            () -> sessioned, () -> current);

    @Test
    void aRequestSignedWithTheCurrentKeyIsServed() {
        assertThatCode(() -> verifier.verify(signed(current.key(), "HmacSHA256", BODY))).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(signed(current.key(), "HmacSHA512", BODY))).doesNotThrowAnyException();
    }

    @Test
    void withoutTheSessionedProtocolNoSignatureIsNeeded() {
        sessioned = false;
        current = null;

        assertThatCode(() -> verifier.verify(null)).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(signed(key("HmacSHA256"), "HmacSHA1", BODY))).doesNotThrowAnyException();
    }

    @Test
    void anUnsignedRequestIsABadRequest() {
        assertThatThrownBy(() -> verifier.verify(null)).isInstanceOf(BadRequestException.class)
                .hasMessage("Internal request missing required signature");
    }

    @Test
    void anAlgorithmNotAllowedForVerificationIsABadRequestNamingTheAllowedOnes() {
        assertThatThrownBy(() -> verifier.verify(signed(current.key(), "HmacSHA1", BODY)))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("This worker does not support the 'HmacSHA1' key signing algorithm used by other workers. "
                        + "This worker is currently configured to use: [HmacSHA256, HmacSHA512]. Check that all "
                        + "workers' configuration files permit the same set of signature algorithms, and correct any "
                        + "misconfigured worker and restart it.");
    }

    @Test
    void beforeAnySessionKeyWasReadTheWorkerIsUnavailable() {
        current = null;

        assertThatThrownBy(() -> verifier.verify(signed(key("HmacSHA256"), "HmacSHA256", BODY)))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("This worker is still starting up and has not been able to read a session key from the "
                        + "config topic yet");
    }

    @Test
    void aSignatureMadeWithAnotherKeyIsForbidden() {
        assertThatThrownBy(() -> verifier.verify(signed(key("HmacSHA256"), "HmacSHA256", BODY)))
                .isInstanceOf(ForbiddenException.class).hasMessage("Internal request contained invalid signature.");
    }

    @Test
    void aSignatureOverOtherBytesIsForbidden() {
        Map<String, String> headers = InternalRequestSignature.headers(current.key(), "HmacSHA256", BODY);
        InternalRequestSignature tampered = InternalRequestSignature.fromHeaders(
                headers.get(InternalRequestSignature.ALGORITHM_HEADER),
                headers.get(InternalRequestSignature.SIGNATURE_HEADER), "[{\"k\":\"w\"}]".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aRequestSignedWithTheKeyJustReplacedIsForbidden() {
        SecretKey old = current.key();
        current = new SessionKey(key("HmacSHA256"), 2_000);

        assertThatThrownBy(() -> verifier.verify(signed(old, "HmacSHA256", BODY)))
                .isInstanceOf(ForbiddenException.class).hasMessage("Internal request contained invalid signature.");
        assertThatCode(() -> verifier.verify(signed(current.key(), "HmacSHA256", BODY))).doesNotThrowAnyException();
    }

    private static InternalRequestSignature signed(SecretKey key, String algorithm, byte[] body) {
        Map<String, String> headers = InternalRequestSignature.headers(key, algorithm, body);
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
