package io.tributary.connect.transforms.diff;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads Apache's connect-api and connect-transforms jars child-first for everything under
 * org.apache.kafka.connect, so the reference classes live beside ours under the same names.
 * kafka-clients, the JDK and the rest come from the parent, so configs and their exceptions are
 * shared by both worlds.
 */
final class ReferenceClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String ISOLATED_PREFIX = "org.apache.kafka.connect.";
    private static final List<String> JARS = List.of("connect-transforms.jar", "connect-api.jar");

    private ReferenceClassLoader(URL[] urls, ClassLoader parent) {
        super("apache-connect-transforms", urls, parent);
    }

    static ReferenceClassLoader create() {
        Path dir = Path.of(System.getProperty("reference.dir", "target/reference"));
        URL[] urls = JARS.stream().map(dir::resolve).map(ReferenceClassLoader::toUrl).toArray(URL[]::new);
        return new ReferenceClassLoader(urls, ReferenceClassLoader.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(ISOLATED_PREFIX)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            Class<?> found = loaded != null ? loaded : findClass(name);
            if (resolve) {
                resolveClass(found);
            }
            return found;
        }
    }

    private static URL toUrl(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Reference jar missing (copied by the build): " + jar);
        }
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }
}
