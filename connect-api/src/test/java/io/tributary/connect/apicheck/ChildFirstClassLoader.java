package io.tributary.connect.apicheck;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Loads the classes of one package tree only from its own location, never from the parent, so
 * the reference jar and our classes can be reflected on side by side under the same names.
 * Everything else (the JDK, kafka-clients, jakarta.ws.rs ...) comes from the parent so that
 * referenced types resolve.
 */
final class ChildFirstClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final String isolatedPrefix;

    ChildFirstClassLoader(Path location, String isolatedPrefix, ClassLoader parent) {
        super("api-check:" + location.getFileName(), new URL[] {toUrl(location)}, parent);
        this.isolatedPrefix = isolatedPrefix;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(isolatedPrefix)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            // No fallback to the parent: a class missing here must not be borrowed from the other side.
            Class<?> found = loaded != null ? loaded : findClass(name);
            if (resolve) {
                resolveClass(found);
            }
            return found;
        }
    }

    private static URL toUrl(Path location) {
        try {
            return location.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a usable class location: " + location, e);
        }
    }
}
