package io.tributary.connect.reference;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * A probe class loaded a second time over Apache's jars (copied to {@code reference.dir} by the build),
 * so that the same test code runs against Apache's {@code org.apache.kafka.connect.*} classes. The probe
 * exchanges only JDK types with the test.
 */
public final class ReferenceProbe {

    private static final String ISOLATED_PREFIX = "org.apache.kafka.connect.";

    private final Object probe;

    private ReferenceProbe(Object probe) {
        this.probe = probe;
    }

    /** @param probeClass a class under org.apache.kafka.connect.* in the test classes, with a public no-arg constructor */
    public static ReferenceProbe load(Class<?> probeClass, String... referenceJars) {
        String dir = System.getProperty("reference.dir");
        if (dir == null) {
            throw new IllegalStateException("System property reference.dir is not set (run through Maven)");
        }
        URL[] urls = new URL[referenceJars.length + 1];
        for (int i = 0; i < referenceJars.length; i++) {
            urls[i] = jar(dir, referenceJars[i]);
        }
        urls[referenceJars.length] = probeClass.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader loader = new IsolatingLoader(urls, probeClass.getClassLoader());
        try {
            return new ReferenceProbe(loader.loadClass(probeClass.getName()).getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Reference probe could not be loaded", e);
        }
    }

    public boolean isIsolatedFrom(Class<?> probeClass) {
        return probe.getClass() != probeClass && probe.getClass().getClassLoader() instanceof IsolatingLoader;
    }

    public Object call(String method, Object... args) {
        for (Method candidate : probe.getClass().getMethods()) {
            if (candidate.getName().equals(method) && candidate.getParameterCount() == args.length) {
                try {
                    return candidate.invoke(probe, args);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("Reference probe failed in " + method, e);
                }
            }
        }
        throw new IllegalArgumentException("No probe method " + method);
    }

    private static URL jar(String dir, String name) {
        File file = new File(dir, name);
        if (!file.isFile()) {
            throw new IllegalStateException("Missing reference jar " + file);
        }
        try {
            return file.toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads org.apache.kafka.connect.* from its own URLs first; everything else from the parent. */
    private static final class IsolatingLoader extends URLClassLoader {

        IsolatingLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(ISOLATED_PREFIX)) {
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
}
