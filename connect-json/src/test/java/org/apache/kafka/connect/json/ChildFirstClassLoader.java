package org.apache.kafka.connect.json;

import java.net.URL;
import java.net.URLClassLoader;

/** Loads classes under one package prefix from its own jars first; everything else comes from the parent. */
final class ChildFirstClassLoader extends URLClassLoader {

    private final String isolatedPrefix;

    ChildFirstClassLoader(URL[] jars, ClassLoader parent, String isolatedPrefix) {
        super(jars, parent);
        this.isolatedPrefix = isolatedPrefix;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(isolatedPrefix)) {
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
