package io.tributary.connect.plugins;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's view of its plugins: discovers them once from the class path and
 * {@code plugin.path} (honouring {@code plugin.discovery}), then creates them by class name or
 * alias, each inside its own class loader. Close it to release the plugin loaders.
 */
public final class Plugins implements AutoCloseable {

    public static final String PLUGIN_PATH_CONFIG = "plugin.path";
    public static final String PLUGIN_DISCOVERY_CONFIG = "plugin.discovery";

    private static final Logger log = LoggerFactory.getLogger(Plugins.class);
    private static final Set<PluginType> CONNECTORS = EnumSet.of(PluginType.SOURCE, PluginType.SINK);

    private final ClassLoader parent;
    private final List<PluginClassLoader> pluginLoaders = new ArrayList<>();
    private final PluginRegistry registry;
    private final DelegatingPluginLoader delegatingLoader;
    private final PluginDiscoveryMode discoveryMode;

    /** Discovers plugins on the JVM class path and in the worker's {@code plugin.path}. */
    public Plugins(Map<String, String> workerProps, Time time) {
        this(workerProps, Plugins.class.getClassLoader(), jvmClasspath(), time);
    }

    /**
     * Discovers plugins with an explicit parent loader and class path (the jars and directories
     * that parent loads from and that are scanned as the "classpath" location).
     */
    public Plugins(Map<String, String> workerProps, ClassLoader parent, List<Path> classpath, Time time) {
        this.parent = parent;
        this.discoveryMode = PluginDiscoveryMode.parse(workerProps.get(PLUGIN_DISCOVERY_CONFIG));
        List<PluginSource> sources = new ArrayList<>();
        try {
            PluginLocations.resolve(workerProps.get(PLUGIN_PATH_CONFIG)).forEach((location, roots) ->
                    sources.add(isolatedSource(location, roots)));
            sources.add(new PluginSource(PluginDescriptor.CLASSPATH_LOCATION, List.copyOf(classpath), parent));
            this.registry = new PluginRegistry(PluginDiscovery.discover(sources, discoveryMode, time));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.delegatingLoader = new DelegatingPluginLoader(parent, registry);
        registry.aliases().forEach((alias, className) -> log.debug("Alias {} names plugin {}", alias, className));
    }

    public PluginDiscoveryMode discoveryMode() {
        return discoveryMode;
    }

    /** Every descriptor, sorted by class name then version. */
    public SortedSet<PluginDescriptor> descriptors() {
        return registry.all();
    }

    public SortedSet<PluginDescriptor> descriptors(PluginType type) {
        return registry.ofType(type);
    }

    /** Source and sink connectors together, as GET /connector-plugins lists them. */
    public SortedSet<PluginDescriptor> connectors() {
        SortedSet<PluginDescriptor> connectors = new TreeSet<>(registry.ofType(PluginType.SOURCE));
        connectors.addAll(registry.ofType(PluginType.SINK));
        return connectors;
    }

    /** Unambiguous short names mapped to the plugin class names they stand for. */
    public Map<String, String> aliases() {
        return registry.aliases();
    }

    /** The newest copy of a plugin of any kind, by class name or alias. */
    public Optional<PluginDescriptor> descriptor(String classOrAlias) {
        return registry.find(classOrAlias, EnumSet.allOf(PluginType.class));
    }

    /** Resolves a connector by class name or alias; fails with the list of available connectors. */
    public PluginDescriptor connectorDescriptor(String classOrAlias) {
        return registry.resolve(classOrAlias, CONNECTORS, "connector");
    }

    @SuppressWarnings("unchecked")
    public Class<? extends Connector> connectorClass(String classOrAlias) {
        return (Class<? extends Connector>) connectorDescriptor(classOrAlias).pluginClass();
    }

    public Connector newConnector(String classOrAlias) {
        return (Connector) instantiate(connectorDescriptor(classOrAlias));
    }

    public Converter newConverter(String classOrAlias) {
        return (Converter) newPlugin(classOrAlias, PluginType.CONVERTER);
    }

    public HeaderConverter newHeaderConverter(String classOrAlias) {
        return (HeaderConverter) newPlugin(classOrAlias, PluginType.HEADER_CONVERTER);
    }

    @SuppressWarnings("unchecked")
    public <R extends ConnectRecord<R>> Transformation<R> newTransformation(String classOrAlias) {
        return (Transformation<R>) newPlugin(classOrAlias, PluginType.TRANSFORMATION);
    }

    @SuppressWarnings("unchecked")
    public <R extends ConnectRecord<R>> Predicate<R> newPredicate(String classOrAlias) {
        return (Predicate<R>) newPlugin(classOrAlias, PluginType.PREDICATE);
    }

    public ConfigProvider newConfigProvider(String classOrAlias) {
        return (ConfigProvider) newPlugin(classOrAlias, PluginType.CONFIGPROVIDER);
    }

    public ConnectRestExtension newRestExtension(String classOrAlias) {
        return (ConnectRestExtension) newPlugin(classOrAlias, PluginType.REST_EXTENSION);
    }

    public ConnectorClientConfigOverridePolicy newConnectorClientConfigOverridePolicy(String classOrAlias) {
        return (ConnectorClientConfigOverridePolicy) newPlugin(classOrAlias, PluginType.CONNECTOR_CLIENT_CONFIG_OVERRIDE_POLICY);
    }

    /**
     * Creates a plugin of the given kind. A full class name that discovery did not report but the
     * worker's own loader can load (and that implements the kind) is accepted too, as Apache does.
     */
    public Object newPlugin(String classOrAlias, PluginType type) {
        return instantiate(pluginDescriptor(classOrAlias, type));
    }

    /** Resolves a plugin of one kind by class name or alias; fails with the list of available plugins of that kind. */
    public PluginDescriptor pluginDescriptor(String classOrAlias, PluginType type) {
        Set<PluginType> kinds = type.isConnector() ? CONNECTORS : EnumSet.of(type);
        Optional<PluginDescriptor> found = registry.find(classOrAlias, kinds);
        if (found.isPresent()) {
            return found.get();
        }
        return undiscoveredWorkerClass(classOrAlias, type)
                .orElseGet(() -> registry.resolve(classOrAlias, kinds, type.isConnector() ? "connector" : type.typeName()));
    }

    /** Creates a task of a connector's task class inside the loader that defined it. */
    public Task newTask(Class<? extends Task> taskClass) {
        try (LoaderSwap ignored = withClassLoader(taskClass.getClassLoader())) {
            return taskClass.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ConnectException("Could not create task " + taskClass.getName() + ": " + rootMessage(e), e);
        }
    }

    /**
     * The loader that owns a plugin (by class name or alias), or the delegating loader when the
     * name is not a known plugin, so that it is always safe to use as a context loader.
     */
    public ClassLoader pluginLoader(String classOrAlias) {
        return descriptor(classOrAlias).map(PluginDescriptor::loader).orElse(delegatingLoader);
    }

    /** The loader that sees all plugins by class name or alias; the worker's context loader. */
    public ClassLoader delegatingLoader() {
        return delegatingLoader;
    }

    /** Makes the loader the thread's context class loader until the returned swap is closed. */
    public LoaderSwap withClassLoader(ClassLoader loader) {
        return LoaderSwap.swapTo(loader);
    }

    /** Makes the loader that owns the named plugin the thread's context class loader until closed. */
    public LoaderSwap withPluginLoader(String classOrAlias) {
        return LoaderSwap.swapTo(pluginLoader(classOrAlias));
    }

    /** Closes the plugin loaders; plugins created from them must no longer be used. */
    @Override
    public void close() {
        for (PluginClassLoader loader : pluginLoaders) {
            try {
                loader.close();
            } catch (IOException e) {
                log.warn("Could not close the class loader of {}", loader.location(), e);
            }
        }
    }

    private Object instantiate(PluginDescriptor descriptor) {
        try (LoaderSwap ignored = withClassLoader(descriptor.loader())) {
            return descriptor.pluginClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ConnectException("Could not create " + descriptor.typeName() + " " + descriptor.className()
                    + " from " + descriptor.location() + ": " + rootMessage(e), e);
        }
    }

    private Optional<PluginDescriptor> undiscoveredWorkerClass(String className, PluginType type) {
        Class<?> candidate;
        try {
            candidate = Class.forName(className, false, parent);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        if (!type.apiType().isAssignableFrom(candidate)) {
            return Optional.empty();
        }
        PluginSource worker = new PluginSource(PluginDescriptor.CLASSPATH_LOCATION, List.of(), parent);
        return PluginInspector.inspect(worker, className, Set.of(type)).stream().findFirst();
    }

    private PluginSource isolatedSource(Path location, List<Path> roots) {
        String uri = location.toUri().toString();
        PluginClassLoader loader = new PluginClassLoader(uri, toUrls(roots), parent);
        pluginLoaders.add(loader);
        return new PluginSource(uri, roots, loader);
    }

    private static List<URL> toUrls(List<Path> roots) {
        List<URL> urls = new ArrayList<>(roots.size());
        for (Path root : roots) {
            try {
                urls.add(root.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ConnectException("Plugin path " + root + " cannot be turned into a URL", e);
            }
        }
        return urls;
    }

    /** The jars and directories of the JVM's class path, as the "classpath" plugin location. */
    static List<Path> jvmClasspath() {
        String classpath = System.getProperty("java.class.path", "");
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Paths.get(entry).toAbsolutePath().normalize())
                .filter(Files::exists)
                .distinct()
                .collect(Collectors.toList());
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
        return cause.toString();
    }
}
