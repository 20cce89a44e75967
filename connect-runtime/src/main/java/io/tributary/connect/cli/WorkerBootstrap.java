package io.tributary.connect.cli;

import io.tributary.connect.plugins.LoaderSwap;
import io.tributary.connect.plugins.Plugins;
import org.apache.kafka.common.config.ConfigException;

import java.util.Map;
import java.util.function.Function;

/** The first two startup steps every worker shares, with the errors a user can act on. */
final class WorkerBootstrap {

    private WorkerBootstrap() {
    }

    static Plugins loadPlugins(Map<String, String> workerProps) {
        try {
            return new Plugins(workerProps);
        } catch (RuntimeException e) {
            throw StartupException.worker("Could not load plugins: " + StartupMessages.rootMessage(e), e);
        }
    }

    /** Class-valued settings (converters) may name plugins by alias, so parse with the plugins' loader. */
    static <C> C parseConfig(Plugins plugins, Map<String, String> workerProps,
                             Function<Map<String, String>, C> parser) {
        try (LoaderSwap ignored = plugins.withClassLoader(plugins.delegatingLoader())) {
            return parser.apply(workerProps);
        } catch (ConfigException e) {
            plugins.close();
            throw StartupException.worker("Invalid worker configuration: " + e.getMessage(), e);
        }
    }
}
