package io.tributary.connect.worker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connect.config.ConnectorConfig;
import io.tributary.connect.metrics.PluginMetricsFactory;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.plugins.LoaderSwap;
import io.tributary.connect.plugins.Plugins;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * Builds a connector's transformation chain from {@code transforms=a,b}, {@code transforms.a.type},
 * {@code transforms.a.<setting>}, {@code transforms.a.predicate}, {@code transforms.a.negate} and
 * {@code predicates=p}, {@code predicates.p.type}, {@code predicates.p.<setting>}. Each plugin is
 * created and configured inside its own class loader.
 */
public final class TransformationChainBuilder {

    static final String TYPE = "type";
    static final String PREDICATE = "predicate";
    static final String NEGATE = "negate";

    private static final AutoCloseable NO_METRICS = () -> { };

    private final Plugins plugins;

    public TransformationChainBuilder(Plugins plugins) {
        this.plugins = plugins;
    }

    /** A chain whose plugins get no plugin metrics, for checks outside a running task. */
    public <R extends ConnectRecord<R>> TransformationChain<R> build(Map<String, String> connectorConfig) {
        return build(connectorConfig, (plugin, roleTag, alias) -> NO_METRICS);
    }

    /**
     * The task's chain: each transformation and predicate is configured and then, when
     * {@link org.apache.kafka.common.metrics.Monitorable}, given its plugin metrics tagged with the task and
     * {@code transformation=<alias>} or {@code predicate=<alias>}.
     */
    <R extends ConnectRecord<R>> TransformationChain<R> build(Map<String, String> connectorConfig, ConnectorTaskId id,
                                                             PluginMetricsFactory pluginMetrics) {
        return build(connectorConfig, (plugin, roleTag, alias) -> {
            try (LoaderSwap ignored = plugins.withClassLoader(plugin.getClass().getClassLoader())) {
                return pluginMetrics.monitor(plugin, id.connector(), id.task(), roleTag, alias);
            }
        });
    }

    private <R extends ConnectRecord<R>> TransformationChain<R> build(Map<String, String> connectorConfig,
                                                                      Monitor monitor) {
        List<String> predicateAliases = aliases(connectorConfig.get(ConnectorConfig.PREDICATES_CONFIG));
        List<TransformationStage<R>> stages = new ArrayList<>();
        try {
            for (String alias : aliases(connectorConfig.get(ConnectorConfig.TRANSFORMS_CONFIG))) {
                stages.add(stage(alias, connectorConfig, predicateAliases, monitor));
            }
        } catch (RuntimeException e) {
            new TransformationChain<>(stages).close();
            throw e;
        }
        return new TransformationChain<>(stages);
    }

    private <R extends ConnectRecord<R>> TransformationStage<R> stage(String alias, Map<String, String> config,
                                                                     List<String> predicateAliases, Monitor monitor) {
        String prefix = ConnectorConfig.TRANSFORMS_PREFIX + alias + ".";
        Map<String, String> settings = withPrefix(config, prefix);
        String type = required(settings, prefix + TYPE);
        String predicateAlias = settings.remove(PREDICATE);
        boolean negate = Boolean.parseBoolean(settings.remove(NEGATE));
        Transformation<R> transformation = plugins.newTransformation(type);
        AutoCloseable transformationMetrics = NO_METRICS;
        try {
            try (LoaderSwap ignored = plugins.withClassLoader(transformation.getClass().getClassLoader())) {
                transformation.configure(settings);
            }
            transformationMetrics = monitor.monitor(transformation, PluginMetricsFactory.TRANSFORMATION_TAG, alias);
            Predicate<R> predicate = null;
            AutoCloseable predicateMetrics = NO_METRICS;
            if (predicateAlias != null && !predicateAlias.isBlank()) {
                if (!predicateAliases.contains(predicateAlias.trim())) {
                    throw new ConnectException("Transformation " + alias + " refers to predicate '" + predicateAlias
                            + "', which is not listed in '" + ConnectorConfig.PREDICATES_CONFIG + "'");
                }
                predicate = predicate(predicateAlias.trim(), config);
                try {
                    predicateMetrics = monitor.monitor(predicate, PluginMetricsFactory.PREDICATE_TAG,
                            predicateAlias.trim());
                } catch (RuntimeException e) {
                    Utils.closeQuietly(predicate, "predicate " + predicateAlias);
                    throw e;
                }
            }
            String usedPredicate = predicate == null ? null : predicateAlias.trim();
            return new TransformationStage<>(alias, transformation, usedPredicate, predicate, negate,
                    transformationMetrics,
                    predicateMetrics);
        } catch (RuntimeException e) {
            Utils.closeQuietly(transformation, "transformation " + alias);
            Utils.closeQuietly(transformationMetrics, "plugin metrics of transformation " + alias);
            throw e;
        }
    }

    private <R extends ConnectRecord<R>> Predicate<R> predicate(String alias, Map<String, String> config) {
        String prefix = ConnectorConfig.PREDICATES_PREFIX + alias + ".";
        Map<String, String> settings = withPrefix(config, prefix);
        Predicate<R> predicate = plugins.newPredicate(required(settings, prefix + TYPE));
        try (LoaderSwap ignored = plugins.withClassLoader(predicate.getClass().getClassLoader())) {
            predicate.configure(settings);
        } catch (RuntimeException e) {
            Utils.closeQuietly(predicate, "predicate " + alias);
            throw e;
        }
        return predicate;
    }

    /** Hands a configured transformation or predicate its plugin metrics; answers what removes them. */
    @FunctionalInterface
    private interface Monitor {
        AutoCloseable monitor(Object plugin, String roleTag, String alias);
    }

    static List<String> aliases(String list) {
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(alias -> !alias.isEmpty()).toList();
    }

    private static String required(Map<String, String> settings, String fullKey) {
        String type = settings.get(TYPE);
        if (type == null || type.isBlank()) {
            throw new ConnectException("Missing required configuration \"" + fullKey + "\" which has no default value.");
        }
        return type.trim();
    }

    private static Map<String, String> withPrefix(Map<String, String> config, String prefix) {
        Map<String, String> settings = new HashMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                settings.put(key.substring(prefix.length()), value);
            }
        });
        return settings;
    }
}
