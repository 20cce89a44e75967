package io.tributary.connect.config;

import java.util.Arrays;
import java.util.Locale;

/** Values of plugin.discovery: how the worker finds plugins on its plugin path and class path. */
public enum PluginDiscoveryMode {
    /** Scan every class; ignore service manifests. */
    ONLY_SCAN,
    /** Trust service manifests only; fastest startup. */
    SERVICE_LOAD,
    /** Scan and read manifests; warn about plugins that lack a manifest. */
    HYBRID_WARN,
    /** Scan and read manifests; refuse to start when a plugin lacks a manifest. */
    HYBRID_FAIL;

    /** The lower-case spelling used in worker files. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String[] names() {
        return Arrays.stream(values()).map(Enum::name).toArray(String[]::new);
    }
}
