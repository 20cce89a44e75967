package io.tributary.connect.storage;

import java.util.Objects;
import javax.crypto.SecretKey;

/** The key the cluster signs forwarded internal requests with, and when the leader made it (for rotation). */
public record SessionKey(SecretKey key, long creationTimestamp) {

    public SessionKey {
        Objects.requireNonNull(key, "key");
    }
}
