package io.tributary.connect.plugins;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin location. Classes the {@link IsolationRule} marks as isolated are
 * taken from the location first, so a plugin can bring its own versions of libraries the worker
 * also uses; shared API classes always come from the parent. Resources are looked up in the
 * location first, then in the parent.
 */
public class PluginClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final String location;

    public PluginClassLoader(String location, List<URL> urls, ClassLoader parent) {
        super("plugin:" + location, urls.toArray(new URL[0]), parent);
        this.location = location;
    }

    /** The URI of the plugin location this loader serves. */
    public String location() {
        return location;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && IsolationRule.loadsInIsolation(name)) {
                loaded = findOwnClass(name);
            }
            if (loaded == null) {
                loaded = super.loadClass(name, false);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> findOwnClass(String name) {
        try {
            return findClass(name);
        } catch (ClassNotFoundException notBundledHere) {
            return null;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        ClassLoader parent = getParent();
        if (parent != null) {
            all.addAll(Collections.list(parent.getResources(name)));
        }
        return Collections.enumeration(all);
    }

    @Override
    public String toString() {
        return "PluginClassLoader{" + location + "}";
    }
}
