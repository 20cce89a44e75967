package io.tributary.connect.plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.connect.components.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a candidate class from its source (without initialising it unless its version must be
 * asked) and turns it into descriptors, skipping, with a log line, anything the worker could not
 * instantiate: abstract classes, interfaces, non-public classes and classes without a public
 * no-argument constructor.
 */
final class PluginInspector {

    private static final Logger log = LoggerFactory.getLogger(PluginInspector.class);

    private PluginInspector() {
    }

    static List<PluginDescriptor> inspect(PluginSource source, String className, Set<PluginType> kinds) {
        Class<?> pluginClass;
        try {
            pluginClass = Class.forName(className, false, source.loader());
        } catch (ClassNotFoundException | LinkageError e) {
            log.error("Ignoring plugin candidate {} in {}: it cannot be loaded ({})", className, source.location(), e.toString());
            return List.of();
        }
        List<PluginType> matching = new ArrayList<>();
        for (PluginType kind : kinds) {
            if (kind.apiType().isAssignableFrom(pluginClass)) {
                matching.add(kind);
            } else {
                log.error("Ignoring {} in {} as a {}: it does not implement {}", className, source.location(),
                        kind.typeName(), kind.apiType().getName());
            }
        }
        if (matching.isEmpty() || !isInstantiable(pluginClass, source)) {
            return List.of();
        }
        String version;
        try {
            version = versionOf(pluginClass, source.loader());
        } catch (Throwable e) {
            log.error("Ignoring plugin {} in {}: creating it to ask its version failed", className, source.location(), e);
            return List.of();
        }
        List<PluginDescriptor> descriptors = new ArrayList<>(matching.size());
        for (PluginType kind : matching) {
            descriptors.add(new PluginDescriptor(className, kind, version, source.location(), source.loader(), pluginClass));
        }
        return descriptors;
    }

    private static boolean isInstantiable(Class<?> type, PluginSource source) {
        int modifiers = type.getModifiers();
        if (type.isInterface() || Modifier.isAbstract(modifiers) || !Modifier.isPublic(modifiers)) {
            log.debug("Skipping {} in {}: not a public concrete class", type.getName(), source.location());
            return false;
        }
        if (type.isMemberClass() && !Modifier.isStatic(modifiers)) {
            log.error("Ignoring plugin {} in {}: an inner class needs an enclosing instance; declare it static",
                    type.getName(), source.location());
            return false;
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            if (!Modifier.isPublic(constructor.getModifiers())) {
                log.error("Ignoring plugin {} in {}: its no-argument constructor is not public",
                        type.getName(), source.location());
                return false;
            }
            return true;
        } catch (NoSuchMethodException e) {
            log.error("Ignoring plugin {} in {}: it has no no-argument constructor", type.getName(), source.location());
            return false;
        } catch (LinkageError e) {
            log.error("Ignoring plugin {} in {}: a class it refers to is missing ({})",
                    type.getName(), source.location(), e.toString());
            return false;
        }
    }

    /** Versioned plugins are created (with their own loader as context loader) and asked; others are "undefined". */
    private static String versionOf(Class<?> type, ClassLoader loader) throws ReflectiveOperationException {
        if (!Versioned.class.isAssignableFrom(type)) {
            return PluginDescriptor.UNDEFINED_VERSION;
        }
        try (LoaderSwap ignored = LoaderSwap.swapTo(loader)) {
            Versioned instance = (Versioned) type.getDeclaredConstructor().newInstance();
            String version = instance.version();
            return version == null ? PluginDescriptor.UNDEFINED_VERSION : version;
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? new ReflectiveOperationException(cause) : e;
        }
    }
}
