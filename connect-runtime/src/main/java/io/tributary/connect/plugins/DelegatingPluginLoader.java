package io.tributary.connect.plugins;

import java.util.EnumSet;
import java.util.Optional;

/**
 * A class loader that sees every plugin: asked for a plugin's class name or unambiguous alias,
 * it returns the class from the plugin's own loader (newest version); anything else comes from
 * the worker's loader. Installed as context class loader while parsing configurations, it lets
 * CLASS-typed settings such as {@code key.converter=JsonConverter} name isolated plugins.
 */
public final class DelegatingPluginLoader extends ClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final PluginRegistry registry;

    DelegatingPluginLoader(ClassLoader parent, PluginRegistry registry) {
        super("tributary-plugins", parent);
        this.registry = registry;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Optional<PluginDescriptor> plugin = registry.find(name, EnumSet.allOf(PluginType.class));
        if (plugin.isPresent()) {
            return plugin.get().pluginClass();
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public String toString() {
        return "DelegatingPluginLoader";
    }
}
