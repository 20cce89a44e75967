package io.tributary.connect.plugins;

import java.nio.file.Path;
import java.util.List;

/**
 * Somewhere plugins are discovered: one plugin location with its own isolating loader, or the
 * worker's class path with the worker's loader.
 *
 * @param location "classpath" or the location's URI, as shown in descriptors
 * @param roots    jar files and class directories whose contents are scanned
 * @param loader   the loader that defines classes from these roots
 */
record PluginSource(String location, List<Path> roots, ClassLoader loader) {

    boolean isClasspath() {
        return PluginDescriptor.CLASSPATH_LOCATION.equals(location);
    }
}
