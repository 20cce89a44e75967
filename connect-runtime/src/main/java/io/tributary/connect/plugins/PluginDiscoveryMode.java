package io.tributary.connect.plugins;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigException;

/** How plugins are found, as chosen by the worker's {@code plugin.discovery} setting. */
public enum PluginDiscoveryMode {
    /** Scan classes only (ServiceLoader-only kinds are still read from manifests). */
    ONLY_SCAN(true, false),
    /** Scan and read manifests; warn about plugins that only scanning found. The default. */
    HYBRID_WARN(true, true),
    /** Scan and read manifests; refuse to start if some plugin lacks a manifest entry. */
    HYBRID_FAIL(true, true),
    /** Read ServiceLoader manifests only: fast, but plugins without manifests are invisible. */
    SERVICE_LOAD(false, true);

    public static final PluginDiscoveryMode DEFAULT = HYBRID_WARN;

    private final boolean scans;
    private final boolean readsManifests;

    PluginDiscoveryMode(boolean scans, boolean readsManifests) {
        this.scans = scans;
        this.readsManifests = readsManifests;
    }

    public boolean scans() {
        return scans;
    }

    public boolean readsManifests() {
        return readsManifests;
    }

    public boolean isHybrid() {
        return scans && readsManifests;
    }

    /** Parses a {@code plugin.discovery} value case-insensitively; null or blank means the default. */
    public static PluginDiscoveryMode parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(values()).map(PluginDiscoveryMode::toString)
                    .collect(Collectors.joining(", "));
            throw new ConfigException(Plugins.PLUGIN_DISCOVERY_CONFIG, value, "must be one of " + allowed);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
