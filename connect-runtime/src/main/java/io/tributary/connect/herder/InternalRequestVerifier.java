package io.tributary.connect.herder;

import io.tributary.connect.storage.SessionKey;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Decides whether a request only workers may make (task configs sent to the leader, zombie fencing) is
 * signed well enough to serve, with Kafka Connect's answers: 400 when the signature is missing or uses an
 * algorithm not in inter.worker.verification.algorithms, 503 before this worker has read a session key, 403
 * when the signature does not match the current key. Only the sessioned protocol asks for signatures; under
 * eager and compatible every request passes. Runs on the REST thread: it reads only thread-safe state.
 */
final class InternalRequestVerifier {

    private final List<String> verificationAlgorithms;
    private final BooleanSupplier signaturesRequired;
    private final Supplier<SessionKey> currentKey;

    /**
     * @param signaturesRequired whether the group elected the sessioned protocol
     * @param currentKey         the session key last read from the config topic, or null
     */
    InternalRequestVerifier(List<String> verificationAlgorithms, BooleanSupplier signaturesRequired,
                            Supplier<SessionKey> currentKey) {
        this.verificationAlgorithms = List.copyOf(verificationAlgorithms);
        this.signaturesRequired = signaturesRequired;
        this.currentKey = currentKey;
    }

    /** Returns when the request may be served; otherwise throws the exception that answers it. */
    void verify(InternalRequestSignature signature) {
        if (!signaturesRequired.getAsBoolean()) {
            return;
        }
        if (signature == null) {
            throw new BadRequestException("Internal request missing required signature");
        }
        if (!verificationAlgorithms.contains(signature.algorithm())) {
            throw new BadRequestException(String.format("This worker does not support the '%s' key signing "
                    + "algorithm used by other workers. This worker is currently configured to use: %s. Check that "
                    + "all workers' configuration files permit the same set of signature algorithms, and correct "
                    + "any misconfigured worker and restart it.", signature.algorithm(), verificationAlgorithms));
        }
        SessionKey key = currentKey.get();
        if (key == null) {
            throw new ServiceUnavailableException("This worker is still starting up and has not been able to read a "
                    + "session key from the config topic yet");
        }
        if (!signature.isValid(key.key())) {
            throw new ForbiddenException("Internal request contained invalid signature.");
        }
    }
}
