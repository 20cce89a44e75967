package io.tributary.connect.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * The cluster-wide exactly-once source setting. PREPARING is the step of a rolling upgrade: the leader
 * already writes through a transactional producer, but tasks do not run exactly once yet.
 */
public enum ExactlyOnceSourceSupport {
    DISABLED, ENABLED, PREPARING;

    static String[] names() {
        return Arrays.stream(values()).map(Enum::name).toArray(String[]::new);
    }

    static ExactlyOnceSourceSupport fromConfig(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** Whether the leader must fence earlier leaders when it writes to the config topic. */
    public boolean usesTransactionalLeader() {
        return this != DISABLED;
    }
}
