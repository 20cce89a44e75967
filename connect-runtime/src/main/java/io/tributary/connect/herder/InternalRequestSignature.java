package io.tributary.connect.herder;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * The signature one worker puts on a request meant only for other workers (KIP-507), as Kafka Connect writes
 * and reads it: a MAC of the request body's exact bytes under the cluster's session key, Base64-encoded in
 * {@value #SIGNATURE_HEADER}, and the MAC algorithm's name in {@value #ALGORITHM_HEADER}. Apache workers and
 * ours can therefore check each other's requests.
 */
public final class InternalRequestSignature {

    public static final String SIGNATURE_HEADER = "X-Connect-Authorization";
    public static final String ALGORITHM_HEADER = "X-Connect-Request-Signature-Algorithm";

    private final String algorithm;
    private final byte[] signature;
    private final byte[] body;

    private InternalRequestSignature(String algorithm, byte[] signature, byte[] body) {
        this.algorithm = algorithm;
        this.signature = signature;
        this.body = body;
    }

    /** The two headers that sign {@code body} with {@code key}, for a request about to be sent. */
    public static Map<String, String> headers(SecretKey key, String algorithm, byte[] body) {
        Mac mac;
        try {
            mac = Mac.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // The worker's config was checked against this JVM at start, so this is no user's mistake.
            throw new ConnectException("Cannot sign an internal request with " + algorithm + ": " + e.getMessage(), e);
        }
        return Map.of(SIGNATURE_HEADER, Base64.getEncoder().encodeToString(mac(mac, key, body)),
                ALGORITHM_HEADER, algorithm);
    }

    /**
     * The signature a received request carries, or null when it lacks either header. A header naming an
     * algorithm this JVM lacks, or a signature that is not Base64, is the sender's error: a 400.
     */
    public static InternalRequestSignature fromHeaders(String algorithmHeader, String signatureHeader, byte[] body) {
        if (algorithmHeader == null || signatureHeader == null) {
            return null;
        }
        try {
            Mac.getInstance(algorithmHeader);
        } catch (NoSuchAlgorithmException e) {
            throw new BadRequestException(e.getMessage());
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureHeader);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return new InternalRequestSignature(algorithmHeader, signature, body == null ? new byte[0] : body);
    }

    /** The MAC algorithm the sender signed with. */
    public String algorithm() {
        return algorithm;
    }

    /** Whether the body was signed with {@code key}; compared in constant time so timing reveals nothing. */
    public boolean isValid(SecretKey key) {
        try {
            return MessageDigest.isEqual(mac(Mac.getInstance(algorithm), key, body), signature);
        } catch (NoSuchAlgorithmException e) {
            return false;
        }
    }

    private static byte[] mac(Mac mac, SecretKey key, byte[] body) {
        try {
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new ConnectException("The session key cannot be used with " + mac.getAlgorithm() + ": "
                    + e.getMessage(), e);
        }
        return mac.doFinal(body);
    }
}
