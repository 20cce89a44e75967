package io.tributary.connect.config;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Tributary's automatic restart of failed connectors and tasks, a feature Kafka Connect does not have. The keys
 * are defined on the worker; a connector config may carry the same keys to override them for its own instances.
 * They live under the {@code tributary.} prefix, which a Kafka Connect worker ignores (an unknown worker key is
 * only logged, and a connector config passes unknown keys through), so a config written for Tributary still runs
 * on Apache's worker, without the feature. They are not part of the connector ConfigDef on purpose: connector
 * validation and plugin descriptions stay exactly Apache's.
 */
public final class AutoRestartConfig {

    public static final String PREFIX = "tributary.auto.restart.";
    public static final String ENABLED_CONFIG = PREFIX + "enabled";
    public static final String BACKOFF_INITIAL_MS_CONFIG = PREFIX + "backoff.initial.ms";
    public static final String BACKOFF_MAX_MS_CONFIG = PREFIX + "backoff.max.ms";
    public static final String MAX_ATTEMPTS_CONFIG = PREFIX + "max.attempts";

    public static final boolean ENABLED_DEFAULT = false;
    public static final long BACKOFF_INITIAL_MS_DEFAULT = 1_000L;
    public static final long BACKOFF_MAX_MS_DEFAULT = 300_000L;
    /** Any negative value means: no limit. */
    public static final int MAX_ATTEMPTS_UNLIMITED = -1;

    private static final String GROUP = "Automatic restarts (Tributary)";

    private AutoRestartConfig() {
    }

    /** Adds the four worker-level keys; their values are also the defaults of each connector's overrides. */
    public static ConfigDef addTo(ConfigDef def) {
        return define(def, ENABLED_DEFAULT, BACKOFF_INITIAL_MS_DEFAULT, BACKOFF_MAX_MS_DEFAULT, MAX_ATTEMPTS_UNLIMITED);
    }

    private static ConfigDef define(ConfigDef def, boolean enabled, long initialMs, long maxMs, int maxAttempts) {
        int order = 0;
        return def
            .define(ENABLED_CONFIG, Type.BOOLEAN, enabled, Importance.LOW,
                "Tributary only. Whether a connector or task that FAILED on this worker is restarted here by itself "
                    + "after a backoff. Off by default, so failures wait for a user's restart as in Kafka Connect. "
                    + "A connector config may set it (and the other " + PREFIX + "* keys) for its own instances. "
                    + "A user's pause, stop, restart or delete cancels a pending automatic restart.",
                GROUP, ++order, ConfigDef.Width.SHORT, ENABLED_CONFIG)
            .define(BACKOFF_INITIAL_MS_CONFIG, Type.LONG, initialMs, Range.atLeast(0), Importance.LOW,
                "Tributary only. How long after the first failure the instance is restarted; the wait doubles after "
                    + "each further failure, up to " + BACKOFF_MAX_MS_CONFIG + ".",
                GROUP, ++order, ConfigDef.Width.SHORT, BACKOFF_INITIAL_MS_CONFIG)
            .define(BACKOFF_MAX_MS_CONFIG, Type.LONG, maxMs, Range.atLeast(1), Importance.LOW,
                "Tributary only. The longest wait between a failure and the automatic restart; must be at least "
                    + BACKOFF_INITIAL_MS_CONFIG + ". It is also the healthy period: an instance that stayed RUNNING "
                    + "this long before failing again starts over at the first attempt and the initial backoff.",
                GROUP, ++order, ConfigDef.Width.SHORT, BACKOFF_MAX_MS_CONFIG)
            .define(MAX_ATTEMPTS_CONFIG, Type.INT, maxAttempts, Importance.LOW,
                "Tributary only. How many automatic restarts in a row an instance gets before it is left FAILED "
                    + "for a user to restart; -1 (the default, or any negative value) means no limit, 0 none.",
                GROUP, ++order, ConfigDef.Width.SHORT, MAX_ATTEMPTS_CONFIG);
    }

    /** The worker's settings, from its parsed config. */
    public static Settings worker(AbstractConfig workerConfig) {
        return Settings.of(workerConfig);
    }

    /**
     * A connector's settings: its own {@code tributary.auto.restart.*} keys where set, the worker's otherwise.
     *
     * @throws ConfigException naming the key and the bad value
     */
    public static Settings connector(Settings worker, Map<String, String> connectorConfig) {
        Map<String, String> overrides = new HashMap<>();
        connectorConfig.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                overrides.put(key, value);
            }
        });
        if (overrides.isEmpty()) {
            return worker;
        }
        ConfigDef def = define(new ConfigDef(), worker.enabled(), worker.initialBackoffMs(), worker.maxBackoffMs(),
                worker.maxAttempts());
        return Settings.of(new AbstractConfig(def, overrides, false));
    }

    /**
     * What one connector's instances get.
     *
     * @param maxAttempts negative: unlimited
     */
    public record Settings(boolean enabled, long initialBackoffMs, long maxBackoffMs, int maxAttempts) {

        public Settings {
            if (maxBackoffMs < initialBackoffMs) {
                throw new ConfigException(BACKOFF_MAX_MS_CONFIG, maxBackoffMs,
                        "must be at least " + BACKOFF_INITIAL_MS_CONFIG + " (" + initialBackoffMs + ")");
            }
        }

        public boolean unlimited() {
            return maxAttempts < 0;
        }

        /** How long a RUNNING instance must have run for its attempts to start over. */
        public long healthyPeriodMs() {
            return maxBackoffMs;
        }

        private static Settings of(AbstractConfig config) {
            return new Settings(config.getBoolean(ENABLED_CONFIG), config.getLong(BACKOFF_INITIAL_MS_CONFIG),
                    config.getLong(BACKOFF_MAX_MS_CONFIG), config.getInt(MAX_ATTEMPTS_CONFIG));
        }
    }
}
