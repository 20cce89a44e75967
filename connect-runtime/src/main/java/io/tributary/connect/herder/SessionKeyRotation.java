package io.tributary.connect.herder;

import io.tributary.connect.storage.SessionKey;

import javax.crypto.KeyGenerator;

/**
 * When the leader must hand out a new session key, decided as Kafka Connect decides it: when there is none
 * yet, when the key in use has lived inter.worker.key.ttl.ms, or when it was made with another algorithm or
 * size than this worker's inter.worker.key.* settings ask for. A key expires at its creation time plus the
 * TTL; with a TTL of 0 only a key found at start-up expires (at once), keys handed out later never do. Herder
 * thread only.
 */
final class SessionKeyRotation {

    private final KeyGenerator generator;
    private final long ttlMs;
    private final int keyLength;
    /** The key last read from the config topic. */
    private SessionKey read;
    /** The key read or written last: the one the cluster signs with, or soon will. */
    private SessionKey inUse;
    private long expiresAtMs = Long.MAX_VALUE;

    /** @param generator made from inter.worker.key.generation.algorithm and inter.worker.key.size */
    SessionKeyRotation(KeyGenerator generator, long ttlMs) {
        this.generator = generator;
        this.ttlMs = ttlMs;
        this.keyLength = generator.generateKey().getEncoded().length;
    }

    /** Takes note of the session key the config topic shows now (null when it has none). */
    void observe(SessionKey fromTopic) {
        if (fromTopic == null || fromTopic.equals(read)) {
            return;
        }
        read = fromTopic;
        if (inUse == null || ttlMs > 0) {
            expiresAtMs = fromTopic.creationTimestamp() + ttlMs;
        }
        inUse = fromTopic;
    }

    /** Whether a leader should write a new key now. */
    boolean isDue(long nowMs) {
        return inUse == null || expiresAtMs <= nowMs || !inUse.key().getAlgorithm().equals(generator.getAlgorithm())
                || inUse.key().getEncoded().length != keyLength;
    }

    /** A fresh key dated {@code nowMs}, to be written to the config topic. */
    SessionKey generate(long nowMs) {
        return new SessionKey(generator.generateKey(), nowMs);
    }

    /** The key was written: it is in use, and expires only once read back from the topic. */
    void written(SessionKey key) {
        inUse = key;
        expiresAtMs = Long.MAX_VALUE;
    }
}
