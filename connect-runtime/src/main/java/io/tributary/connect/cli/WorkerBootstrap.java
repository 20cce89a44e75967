package io.tributary.connect.cli;

import io.tributary.connect.config.WorkerConfig;
import io.tributary.connect.metrics.ConnectMetrics;
import io.tributary.connect.plugins.LoaderSwap;
import io.tributary.connect.plugins.Plugins;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Time;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The first two startup steps every worker shares, with the errors a user can act on. */
final class WorkerBootstrap {

    /**
     * The real clock, chosen here only: every part of a worker takes its time from what it is given, so that
     * tests can drive timeouts, intervals and back-offs with a clock of their own instead of sleeping.
     */
    static final Time TIME = Time.SYSTEM;

    private WorkerBootstrap() {
    }

    static Plugins loadPlugins(Map<String, String> workerProps) {
        try {
            return new Plugins(workerProps, TIME);
        } catch (RuntimeException e) {
            throw StartupException.worker("Could not load plugins: " + StartupMessages.rootMessage(e), e);
        }
    }

    /**
     * The worker config parsed without plugins, for startup steps that need only plain settings (listeners,
     * Kafka connection, topic names) while plugins still load; empty when it does not parse that way (e.g. a
     * converter named by alias or found only in plugin.path) or when config providers are set, whose
     * resolution should happen once, with the plugins. {@link #parseConfig} remains the config of record.
     */
    static <C> Optional<C> parseWithoutPlugins(Map<String, String> workerProps,
                                               Function<Map<String, String>, C> parser) {
        String providers = workerProps.get(WorkerConfig.CONFIG_PROVIDERS_CONFIG);
        if (providers != null && !providers.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(workerProps));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * Class-valued settings (converters) may name plugins by alias, so parse with the plugins' loader. The
     * caller closes the plugins if this fails.
     */
    static <C> C parseConfig(Plugins plugins, Map<String, String> workerProps,
                             Function<Map<String, String>, C> parser) {
        try (LoaderSwap ignored = plugins.withClassLoader(plugins.delegatingLoader())) {
            return parser.apply(workerProps);
        } catch (ConfigException e) {
            throw StartupException.worker("Invalid worker configuration: " + e.getMessage(), e);
        }
    }

    /** The worker's metrics; reporter classes named in metric.reporters may come from plugin.path. */
    static ConnectMetrics metrics(Plugins plugins, String workerId, WorkerConfig config, String kafkaClusterId) {
        try (LoaderSwap ignored = plugins.withClassLoader(plugins.delegatingLoader())) {
            return new ConnectMetrics(workerId, config, TIME, kafkaClusterId);
        }
    }
}
