package io.tributary.connect.rest.extensions;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The context class loader of REST requests when an extension was loaded from plugin.path: the worker's loader
 * first, then each such extension's own. What an extension's components look up by name while serving a request
 * is then found where the extension lives, e.g. the JAAS login module that basic authentication names in its JAAS
 * file ({@code LoginContext} loads it through the context class loader).
 */
final class ExtensionRequestLoader extends ClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final List<ClassLoader> extensionLoaders;

    ExtensionRequestLoader(ClassLoader parent, List<ClassLoader> extensionLoaders) {
        super("rest-extensions", parent);
        this.extensionLoaders = List.copyOf(extensionLoaders);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (ClassLoader loader : extensionLoaders) {
            try {
                return loader.loadClass(name);
            } catch (ClassNotFoundException notThere) {
                // the next extension's location may have it
            }
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        for (ClassLoader loader : extensionLoaders) {
            URL found = loader.getResource(name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The extensions' copies of a resource that the worker's loader does not list already. */
    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        Set<URL> found = new LinkedHashSet<>();
        for (ClassLoader loader : extensionLoaders) {
            found.addAll(Collections.list(loader.getResources(name)));
        }
        if (getParent() != null) {
            Collections.list(getParent().getResources(name)).forEach(found::remove);
        }
        return Collections.enumeration(found);
    }

    @Override
    public String toString() {
        return "ExtensionRequestLoader" + extensionLoaders;
    }
}
