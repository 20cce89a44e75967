package io.tributary.connect.rest.extensions;

import io.tributary.connect.config.WorkerConfig;
import io.tributary.connect.herder.Herder;
import io.tributary.connect.plugins.LoaderSwap;
import io.tributary.connect.plugins.PluginClassLoader;
import io.tributary.connect.plugins.PluginDescriptor;
import io.tributary.connect.plugins.PluginType;
import io.tributary.connect.plugins.Plugins;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.internals.Plugin;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.tributary.connect.config.RestServerConfigs.REST_EXTENSION_CLASSES_CONFIG;

/**
 * The {@link ConnectRestExtension}s that {@code rest.extension.classes} names, in order. Once the herder exists each
 * is created in the class loader of its plugin location (its own isolated loader when it came from
 * {@code plugin.path}, the worker's when it is on the class path), configured with the worker's settings as they
 * were given (the config's originals, as Kafka Connect passes them), and then registers its JAX-RS components
 * into the main REST application through a {@code ConnectRestExtensionContext}. They are closed when the REST
 * server stops.
 */
public final class RestExtensions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RestExtensions.class);
    private static final String SERVICE_FILE = "META-INF/services/" + ConnectRestExtension.class.getName();

    private final List<String> classNames;
    private final Map<String, ?> workerSettings;
    private final Duration herderTimeout;
    private final List<Plugin<ConnectRestExtension>> extensions = new ArrayList<>();

    /**
     * @param classNames     class names or aliases, as rest.extension.classes lists them
     * @param workerSettings what each extension's {@code configure} receives
     * @param herderTimeout  how long the extensions' questions about the cluster may wait for the herder
     */
    public RestExtensions(List<String> classNames, Map<String, ?> workerSettings, Duration herderTimeout) {
        this.classNames = List.copyOf(classNames);
        this.workerSettings = workerSettings;
        this.herderTimeout = herderTimeout;
    }

    /**
     * The extensions a worker config names, configured with its originals; the cluster questions they ask may
     * wait as long as a REST request, but no longer than a rebalance may take (rebalance.timeout.ms), as in Kafka
     * Connect.
     */
    public static RestExtensions from(WorkerConfig config) {
        Duration timeout = Herder.REQUEST_TIMEOUT;
        Integer rebalanceTimeoutMs = config.rebalanceTimeout();
        if (rebalanceTimeoutMs != null && rebalanceTimeoutMs < timeout.toMillis()) {
            timeout = Duration.ofMillis(rebalanceTimeoutMs);
        }
        return new RestExtensions(config.getList(REST_EXTENSION_CLASSES_CONFIG), config.originals(), timeout);
    }

    /** Extensions without worker settings to configure them with: a server built from settings alone (tests). */
    public static RestExtensions withoutWorkerSettings(List<String> classNames) {
        return new RestExtensions(classNames, Map.of(), Herder.REQUEST_TIMEOUT);
    }

    /** None are configured: the REST application stays as the worker builds it. */
    public boolean isEmpty() {
        return classNames.isEmpty();
    }

    /**
     * Creates and configures every extension, then lets each register its components into {@code application}.
     * A name that is not a REST extension, or an extension that fails to start, fails with the key and the value.
     *
     * @param metrics where extensions that are {@code Monitorable} register their metrics; null for none
     * @return the class loader requests should run in so that the extensions' own classes are visible to them,
     *         or null when every extension came from the worker's class path
     */
    public ClassLoader register(Plugins plugins, Herder herder, Metrics metrics, ResourceConfig application) {
        try {
            for (String name : classNames) {
                ConnectRestExtension extension = create(plugins, name);
                extensions.add(Plugin.wrapInstance(extension, metrics, REST_EXTENSION_CLASSES_CONFIG));
            }
            ExtensionContext context = new ExtensionContext(new ExtensionConfigurable(application),
                    new HerderClusterState(herder, herderTimeout));
            for (Plugin<ConnectRestExtension> extension : extensions) {
                registerOne(extension.get(), context);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return requestLoader(plugins);
    }

    /** Closes every extension created so far; failures are logged, since the worker is stopping anyway. */
    @Override
    public void close() {
        for (Plugin<ConnectRestExtension> extension : extensions) {
            Utils.closeQuietly(extension, "REST extension " + extension.get().getClass().getName());
        }
        extensions.clear();
    }

    private ConnectRestExtension create(Plugins plugins, String name) {
        PluginDescriptor descriptor = resolve(plugins, name);
        ConnectRestExtension extension;
        try {
            extension = (ConnectRestExtension) plugins.newPlugin(descriptor.className(), PluginType.REST_EXTENSION);
        } catch (ConnectException e) {
            throw new ConnectException("Could not create the REST extension " + name + " that "
                    + REST_EXTENSION_CLASSES_CONFIG + " names: " + e.getMessage(), e);
        }
        try (LoaderSwap ignored = plugins.withClassLoader(extension.getClass().getClassLoader())) {
            if (Utils.isBlank(extension.version())) {
                throw new ConfigException(REST_EXTENSION_CLASSES_CONFIG, name,
                        "the REST extension reports no version (its version() is blank)");
            }
            extension.configure(workerSettings);
        } catch (ConfigException e) {
            Utils.closeQuietly(extension, "REST extension " + name);
            throw e;
        } catch (RuntimeException e) {
            Utils.closeQuietly(extension, "REST extension " + name);
            throw new ConnectException("The REST extension " + name + " that " + REST_EXTENSION_CLASSES_CONFIG
                    + " names failed to configure itself: " + e, e);
        }
        log.info("Loaded REST extension {} version {} from {}", descriptor.className(), extension.version(),
                descriptor.location());
        return extension;
    }

    private static void registerOne(ConnectRestExtension extension, ExtensionContext context) {
        String name = extension.getClass().getName();
        try (LoaderSwap ignored = LoaderSwap.swapTo(extension.getClass().getClassLoader())) {
            extension.register(context);
        } catch (RuntimeException e) {
            throw new ConnectException("The REST extension " + name + " that " + REST_EXTENSION_CLASSES_CONFIG
                    + " names failed to register its components: " + e, e);
        }
        log.debug("REST extension {} registered its components", name);
    }

    /** A class name or alias that is no REST extension is a configuration error naming the key and the value. */
    private static PluginDescriptor resolve(Plugins plugins, String name) {
        try {
            return plugins.pluginDescriptor(name, PluginType.REST_EXTENSION);
        } catch (ConnectException notAnExtension) {
            String available = plugins.descriptors(PluginType.REST_EXTENSION).stream()
                    .map(PluginDescriptor::className).distinct().collect(Collectors.joining(", "));
            String found = available.isEmpty() ? "none" : available;
            Class<?> someOtherClass = loadable(plugins, name);
            if (someOtherClass != null) {
                throw new ConfigException(REST_EXTENSION_CLASSES_CONFIG, name, "class " + someOtherClass.getName()
                        + " does not implement " + ConnectRestExtension.class.getName()
                        + ". REST extensions available: " + found);
            }
            if (notAnExtension.getMessage() != null && notAnExtension.getMessage().contains("ambiguous")) {
                throw new ConfigException(REST_EXTENSION_CLASSES_CONFIG, name, notAnExtension.getMessage());
            }
            throw new ConfigException(REST_EXTENSION_CLASSES_CONFIG, name, "no such class on the worker's class path, "
                    + "and no REST extension of that name in plugin.path (a REST extension in plugin.path is found "
                    + "through its " + SERVICE_FILE + " entry). REST extensions available: " + found);
        }
    }

    private static Class<?> loadable(Plugins plugins, String name) {
        try {
            return Class.forName(name, false, plugins.delegatingLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Requests must see the classes of extensions that came from plugin.path; the worker's loader sees the rest. */
    private ClassLoader requestLoader(Plugins plugins) {
        List<ClassLoader> isolated = extensions.stream()
                .map(extension -> extension.get().getClass().getClassLoader())
                .filter(loader -> loader instanceof PluginClassLoader)
                .distinct()
                .toList();
        if (isolated.isEmpty()) {
            return null;
        }
        return new ExtensionRequestLoader(plugins.delegatingLoader().getParent(), isolated);
    }
}
