package io.tributary.connect.transforms.probe;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/** Loads classes under the given package prefixes from its own URLs first; all others from the parent. */
final class ChildFirstClassLoader extends URLClassLoader {

    private final List<String> isolatedPrefixes;

    ChildFirstClassLoader(URL[] urls, ClassLoader parent, List<String> isolatedPrefixes) {
        super(urls, parent);
        this.isolatedPrefixes = isolatedPrefixes;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isolatedPrefixes.stream().noneMatch(name::startsWith)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException e) {
                    loaded = super.loadClass(name, false);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }
}
