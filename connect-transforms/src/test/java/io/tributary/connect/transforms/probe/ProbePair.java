package io.tributary.connect.transforms.probe;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.Map;

/**
 * Our probe and the same probe class loaded over Apache's connect-transforms and connect-api jars
 * (copied to {@code reference.dir} by the build), side by side.
 */
public final class ProbePair {

    private static final ProbePair INSTANCE = new ProbePair();

    private final Probe ours = new Probe();
    private final Object reference;

    private ProbePair() {
        try {
            String dir = System.getProperty("reference.dir");
            if (dir == null) {
                throw new IllegalStateException("System property reference.dir is not set (run through Maven)");
            }
            URL probeClasses = Probe.class.getProtectionDomain().getCodeSource().getLocation();
            ClassLoader loader = new ChildFirstClassLoader(
                    new URL[] {jar(dir, "connect-transforms.jar"), jar(dir, "connect-api.jar"), probeClasses},
                    Probe.class.getClassLoader(),
                    List.of("org.apache.kafka.connect.", Probe.class.getPackageName() + "."));
            reference = loader.loadClass(Probe.class.getName()).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Reference probe could not be loaded", e);
        }
    }

    public static ProbePair get() {
        return INSTANCE;
    }

    public static List<String> sampleNames() {
        return Probe.sampleNames();
    }

    public Outcomes transform(String className, Map<String, String> config, String sample, String recordKind) {
        return new Outcomes(ours.transform(className, config, sample, recordKind),
                (String) call("transform", className, config, sample, recordKind));
    }

    public Outcomes predicate(String className, Map<String, String> config, String sample, String topic) {
        return new Outcomes(ours.predicate(className, config, sample, topic),
                (String) call("predicate", className, config, sample, topic));
    }

    public Outcomes version(String className) {
        return new Outcomes(ours.version(className), (String) call("version", className));
    }

    public Outcomes location(String className) {
        return new Outcomes(ours.location(className), (String) call("location", className));
    }

    public Outcomes configDef(String className) {
        return new Outcomes(ours.configDef(className), (String) call("configDef", className));
    }

    private Object call(String method, Object... args) {
        try {
            for (Method candidate : reference.getClass().getMethods()) {
                if (candidate.getName().equals(method) && candidate.getParameterCount() == args.length) {
                    return candidate.invoke(reference, args);
                }
            }
            throw new IllegalArgumentException("No probe method " + method);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
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

    /** What our implementation and Apache's produced for the same input. */
    public record Outcomes(String ours, String reference) {
    }
}
