package io.tributary.connect.distributed;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

/**
 * Apache Kafka Connect 4.1.1's runtime jar (copied to {@code reference.dir} by the build) in a class loader
 * of its own that loads {@code org.apache.kafka.connect.*} child-first, with kafka-clients shared from the
 * test class path. Lets tests call the reference implementation reflectively.
 */
public final class ReferenceRuntime {

    private static final String ISOLATED_PREFIX = "org.apache.kafka.connect.";
    private static final String DISTRIBUTED = "org.apache.kafka.connect.runtime.distributed.";

    private static ReferenceRuntime instance;

    private final ClassLoader loader;

    private ReferenceRuntime(ClassLoader loader) {
        this.loader = loader;
    }

    public static synchronized ReferenceRuntime get() {
        if (instance == null) {
            String dir = System.getProperty("reference.dir");
            if (dir == null) {
                throw new IllegalStateException("System property reference.dir is not set (run through Maven)");
            }
            URL[] urls = {jar(dir, "connect-runtime.jar"), jar(dir, "connect-api.jar")};
            instance = new ReferenceRuntime(new ChildFirstLoader(urls, ReferenceRuntime.class.getClassLoader()));
        }
        return instance;
    }

    public Class<?> type(String name) {
        try {
            return Class.forName(name.contains(".") ? name : DISTRIBUTED + name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    public Object construct(String type, Class<?>[] parameterTypes, Object... args) {
        try {
            return type(type).getConstructor(parameterTypes).newInstance(args);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls a static method, or an instance method when {@code target} is not null; first name-and-arity match. */
    private Object call(String type, Object target, String method, Object... args) {
        Class<?> owner = target != null ? target.getClass() : type(type);
        for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
            for (Method candidate : c.getDeclaredMethods()) {
                if (candidate.getName().equals(method) && candidate.getParameterCount() == args.length) {
                    try {
                        candidate.setAccessible(true);
                        return candidate.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw rethrow(e);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        throw new IllegalArgumentException("No method " + method + " with " + args.length + " arguments on " + owner
            + " " + Arrays.toString(owner.getMethods()));
    }

    public Object invoke(Object target, String method, Object... args) {
        return call(null, target, method, args);
    }

    public Object callStatic(String type, String method, Object... args) {
        return call(type, null, method, args);
    }

    private static RuntimeException rethrow(InvocationTargetException e) {
        Throwable cause = e.getCause();
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
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

    /** org.apache.kafka.connect.* from the reference jars first; everything else from the parent. */
    private static final class ChildFirstLoader extends URLClassLoader {

        ChildFirstLoader(URL[] urls, ClassLoader parent) {
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
