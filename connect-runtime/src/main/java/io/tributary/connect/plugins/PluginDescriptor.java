package io.tributary.connect.plugins;

import java.util.Comparator;

/**
 * One discovered plugin: its class, kind, version and where it was loaded from. A class found in
 * two plugin locations, or implementing two kinds, has one descriptor per location and kind.
 *
 * @param className   binary class name, e.g. {@code org.apache.kafka.connect.transforms.InsertField$Value}
 * @param type        the kind of plugin
 * @param version     {@code Versioned.version()} where the class implements it, else {@link #UNDEFINED_VERSION}
 * @param location    "classpath", or the URI of the plugin location it came from
 * @param loader      the class loader that defined the class
 * @param pluginClass the loaded (uninitialised until first instantiated) class
 */
public record PluginDescriptor(String className, PluginType type, String version, String location,
                               ClassLoader loader, Class<?> pluginClass) implements Comparable<PluginDescriptor> {

    /** The version reported for plugins that do not implement Versioned (the jar manifest is not consulted). */
    public static final String UNDEFINED_VERSION = "undefined";
    public static final String CLASSPATH_LOCATION = "classpath";

    private static final Comparator<PluginDescriptor> ORDER = Comparator
            .comparing(PluginDescriptor::className)
            .thenComparing(PluginDescriptor::version, VersionComparator.INSTANCE)
            .thenComparing(PluginDescriptor::type)
            .thenComparing(PluginDescriptor::location);

    /** The lower-case kind name used by the REST API. */
    public String typeName() {
        return type.typeName();
    }

    public boolean fromClasspath() {
        return CLASSPATH_LOCATION.equals(location);
    }

    @Override
    public int compareTo(PluginDescriptor other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return className + " (" + typeName() + ", version " + version + ", from " + location + ")";
    }
}
