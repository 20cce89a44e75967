package io.tributary.connect.worker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connect.config.WorkerConfig;
import io.tributary.connect.metrics.PluginMetricsFactory;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.plugins.LoaderSwap;
import io.tributary.connect.plugins.Plugins;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * Creates a task's converters. A converter named in the connector configuration replaces the worker's,
 * and then only the connector's own {@code <kind>.converter.*} settings configure it; otherwise the
 * worker's converter is configured with the worker's settings.
 */
final class ConverterFactory {

    static final String CONVERTER_TYPE = "converter.type";

    private final Plugins plugins;
    private final WorkerConfig worker;
    private final PluginMetricsFactory pluginMetrics;

    ConverterFactory(Plugins plugins, WorkerConfig worker, PluginMetricsFactory pluginMetrics) {
        this.plugins = plugins;
        this.worker = worker;
        this.pluginMetrics = pluginMetrics;
    }

    /**
     * The task's converters, each configured and then, when {@link org.apache.kafka.common.metrics.Monitorable},
     * given its plugin metrics tagged {@code converter=key}, {@code value} or {@code header}.
     */
    Converters forTask(Map<String, String> connectorConfig, ConnectorTaskId id) {
        List<AutoCloseable> built = new ArrayList<>();
        List<AutoCloseable> metrics = new ArrayList<>();
        try {
            Converter key = converter(connectorConfig, WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, true);
            built.add(key);
            metrics.add(monitor(key, id, "key"));
            Converter value = converter(connectorConfig, WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, false);
            built.add(value);
            metrics.add(monitor(value, id, "value"));
            HeaderConverter header = headerConverter(connectorConfig);
            built.add(header);
            metrics.add(monitor(header, id, "header"));
            return new Converters(key, value, header, List.copyOf(metrics));
        } catch (RuntimeException e) {
            built.forEach(converter -> Utils.closeQuietly(converter, "converter of " + id));
            metrics.forEach(registered -> Utils.closeQuietly(registered, "plugin metrics of a converter of " + id));
            throw e;
        }
    }

    private AutoCloseable monitor(Object converter, ConnectorTaskId id, String role) {
        try (LoaderSwap ignored = plugins.withClassLoader(converter.getClass().getClassLoader())) {
            return pluginMetrics.monitor(converter, id.connector(), id.task(), PluginMetricsFactory.CONVERTER_TAG,
                    role);
        }
    }

    private Converter converter(Map<String, String> connectorConfig, String classKey, boolean isKey) {
        Map<String, String> source = sourceOf(connectorConfig, classKey);
        Converter converter = plugins.newConverter(source.get(classKey));
        Map<String, Object> settings = settings(source, classKey);
        settings.put(CONVERTER_TYPE, isKey ? "key" : "value");
        try (LoaderSwap ignored = plugins.withClassLoader(converter.getClass().getClassLoader())) {
            converter.configure(settings, isKey);
        }
        return converter;
    }

    private HeaderConverter headerConverter(Map<String, String> connectorConfig) {
        String classKey = WorkerConfig.HEADER_CONVERTER_CLASS_CONFIG;
        Map<String, String> source = sourceOf(connectorConfig, classKey);
        String className = source.getOrDefault(classKey, WorkerConfig.HEADER_CONVERTER_CLASS_DEFAULT);
        HeaderConverter converter = plugins.newHeaderConverter(className);
        Map<String, Object> settings = settings(source, classKey);
        settings.put(CONVERTER_TYPE, "header");
        try (LoaderSwap ignored = plugins.withClassLoader(converter.getClass().getClassLoader())) {
            converter.configure(settings);
        }
        return converter;
    }

    /** The connector's settings when it names the converter, else the worker's. */
    private Map<String, String> sourceOf(Map<String, String> connectorConfig, String classKey) {
        String own = connectorConfig.get(classKey);
        if (own != null && !own.isBlank()) {
            return connectorConfig;
        }
        Map<String, String> workerSettings = new HashMap<>(worker.originalsStrings());
        if (!workerSettings.containsKey(classKey) && worker.values().get(classKey) instanceof Class<?> type) {
            workerSettings.put(classKey, type.getName());
        }
        return workerSettings;
    }

    private static Map<String, Object> settings(Map<String, String> source, String classKey) {
        String prefix = classKey + ".";
        Map<String, Object> settings = new HashMap<>();
        source.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                settings.put(key.substring(prefix.length()), value);
            }
        });
        return settings;
    }
}
