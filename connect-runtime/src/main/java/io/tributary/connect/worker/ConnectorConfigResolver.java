package io.tributary.connect.worker;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connect.config.WorkerConfig;
import io.tributary.connect.plugins.LoaderSwap;
import io.tributary.connect.plugins.Plugins;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@code ${provider:path:key}} references in connector and task configurations with the worker's
 * {@code config.providers}. Only connector and task instances see resolved values: the herder keeps, and the
 * REST API shows, the references.
 */
public final class ConnectorConfigResolver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectorConfigResolver.class);
    private static final String PROVIDERS_PREFIX = WorkerConfig.CONFIG_PROVIDERS_CONFIG + ".";

    private final Map<String, ConfigProvider> providers;
    private final ConfigTransformer transformer;

    ConnectorConfigResolver(Map<String, ConfigProvider> providers) {
        this.providers = Map.copyOf(providers);
        this.transformer = new ConfigTransformer(this.providers);
    }

    /**
     * The providers named in {@code config.providers}, each created by class name or alias inside its plugin's
     * class loader and configured with its {@code config.providers.<name>.param.*} settings.
     */
    static ConnectorConfigResolver fromWorkerConfig(WorkerConfig config, Plugins plugins) {
        Map<String, ConfigProvider> providers = new LinkedHashMap<>();
        List<String> names = config.getList(WorkerConfig.CONFIG_PROVIDERS_CONFIG);
        try {
            for (String name : names) {
                String className = (String) config.originals().get(PROVIDERS_PREFIX + name + ".class");
                if (className == null) {
                    log.warn("Config provider '{}' has no {}; references to it stay unresolved", name,
                            PROVIDERS_PREFIX + name + ".class");
                    continue;
                }
                ConfigProvider provider = plugins.newConfigProvider(className.trim());
                try (LoaderSwap ignored = plugins.withClassLoader(provider.getClass().getClassLoader())) {
                    provider.configure(config.originalsWithPrefix(PROVIDERS_PREFIX + name + ".param."));
                }
                providers.put(name, provider);
            }
        } catch (RuntimeException e) {
            providers.values().forEach(provider -> Utils.closeQuietly(provider, "config provider"));
            throw e;
        }
        return new ConnectorConfigResolver(providers);
    }

    /** The configuration with every reference replaced by the provider's current value. */
    public Map<String, String> resolve(Map<String, String> config) {
        if (providers.isEmpty() || config == null) {
            return config;
        }
        return transformer.transform(config).data();
    }

    /**
     * Task configurations a connector generated from resolved values, with the raw references put back
     * wherever the connector configuration had one under the same key, so secrets are never stored or shown.
     */
    public static Map<String, String> withReferences(Map<String, String> rawConnectorConfig,
                                                     Map<String, String> taskConfig) {
        Map<String, String> result = null;
        for (Map.Entry<String, String> raw : rawConnectorConfig.entrySet()) {
            String value = raw.getValue();
            if (value != null && taskConfig.containsKey(raw.getKey())
                    && ConfigTransformer.DEFAULT_PATTERN.matcher(value).find()) {
                if (result == null) {
                    result = new HashMap<>(taskConfig);
                }
                result.put(raw.getKey(), value);
            }
        }
        return result == null ? taskConfig : result;
    }

    @Override
    public void close() {
        providers.forEach((name, provider) -> Utils.closeQuietly(provider, "config provider " + name));
    }
}
